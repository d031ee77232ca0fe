package org.onemind.local;

import java.nio.file.Path;

/** A whole stack for one system test class, on free ports, with its own data under target/. */
final class TestStacks {
    private TestStacks() {}

    static LocalStack start(String dataDirectoryName) {
        LocalStack.quietInfrastructureLogs();
        Path repository = Path.of(System.getProperty("onemind.repository", "../.."))
                .toAbsolutePath()
                .normalize();
        return LocalStack.start(LocalStack.Settings.isolated(
                repository, repository.resolve("deploy/local/target").resolve(dataDirectoryName)));
    }
}
