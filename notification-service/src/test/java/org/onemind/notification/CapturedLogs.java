package org.onemind.notification;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.jboss.logmanager.ExtLogRecord;

/** The service's log records at INFO and above while open, with their message and log context (MDC). */
class CapturedLogs extends Handler implements AutoCloseable {
    record Line(Level level, String logger, String message, String traceId, String agencyId) {}

    final List<Line> lines = new CopyOnWriteArrayList<>();

    CapturedLogs() {
        setLevel(Level.INFO);
        Logger.getLogger("").addHandler(this);
    }

    @Override
    public void publish(LogRecord record) {
        if (record.getLevel().intValue() < Level.INFO.intValue()) {
            return;
        }
        ExtLogRecord ext = record instanceof ExtLogRecord e ? e : ExtLogRecord.wrap(record);
        lines.add(new Line(
                record.getLevel(),
                record.getLoggerName(),
                ext.getFormattedMessage() + (record.getThrown() == null ? "" : " " + record.getThrown()),
                ext.getMdc("traceId"),
                ext.getMdc("agencyId")));
    }

    @Override
    public void flush() {}

    @Override
    public void close() {
        Logger.getLogger("").removeHandler(this);
    }
}
