package org.onemind.infra;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Stops a child process and everything it started (kc.sh starts a JVM of its own). */
public final class ChildProcesses {
    private ChildProcesses() {}

    public static void stop(Process process, Duration grace) {
        List<ProcessHandle> descendants = process.descendants().toList();
        descendants.forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
            }
            for (ProcessHandle child : descendants) {
                child.onExit().get(grace.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (Exception e) {
            descendants.forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }
}
