package org.onemind.training.importing;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.onemind.platform.problem.ApiException;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** A CSV upload read within a size limit and parsed with a header row; every refusal is a 4xx problem. */
public final class CsvUpload {
    /** A rejected row: its line in the file, the column and why. */
    public record RowError(long line, String field, String message) {
    }

    private final List<CSVRecord> records;

    private CsvUpload(List<CSVRecord> records) {
        this.records = records;
    }

    public static CsvUpload read(InputStream body, long maxBytes, Set<String> requiredColumns) {
        String text = new String(readBounded(body, maxBytes), StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        if (text.isBlank()) {
            throw new ApiException(400, "csv-invalid", "Invalid CSV", "the file is empty; the first line must be the header", null);
        }
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
                .setIgnoreEmptyLines(true).setIgnoreSurroundingSpaces(true).get();
        try (CSVParser parser = format.parse(new StringReader(text))) {
            Set<String> missing = new TreeSet<>(requiredColumns);
            missing.removeAll(parser.getHeaderNames());
            if (!missing.isEmpty()) {
                throw new ApiException(400, "csv-invalid", "Invalid CSV", "the header row lacks " + missing
                        + " (columns are separated by commas; found " + parser.getHeaderNames() + ")", null)
                        .with("missingColumns", missing);
            }
            return new CsvUpload(parser.getRecords());
        } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            if (e instanceof ApiException api) {
                throw api;
            }
            throw new ApiException(400, "csv-invalid", "Invalid CSV", "the file is not valid CSV: " + e.getMessage(), null);
        }
    }

    private static byte[] readBounded(InputStream body, long maxBytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        try (body) {
            int read;
            while ((read = body.read(buffer)) != -1) {
                total += read;
                if (total > maxBytes) {
                    throw new ApiException(413, "upload-too-large", "Upload too large",
                            "the file is larger than " + maxBytes / (1024 * 1024) + " MB; split it", null);
                }
                out.write(buffer, 0, read);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    public List<CSVRecord> records() {
        return records;
    }

    /** The line of a record in the file: the header is line 1. */
    public static long line(CSVRecord record) {
        return record.getRecordNumber() + 1;
    }

    /** A cell, or null when absent or empty; refuses line breaks (a quoted newline) and formula starts. */
    public static String cell(CSVRecord record, String column, List<RowError> errors) {
        if (!record.isMapped(column) || !record.isSet(column)) {
            return null;
        }
        String value = record.get(column);
        if (value == null || value.isEmpty()) {
            return null;
        }
        if (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
            errors.add(new RowError(line(record), column, "line breaks are not allowed in a value"));
            return null;
        }
        if ("=+-@".indexOf(value.charAt(0)) >= 0 && !value.matches("-?\\d+(\\.\\d+)?")) {
            errors.add(new RowError(line(record), column, "must not start with = + - @ (spreadsheet formula)"));
            return null;
        }
        return value;
    }

    /** Refuses the whole file, listing every bad row. */
    public static void refuseIfAny(List<RowError> errors) {
        if (!errors.isEmpty()) {
            throw new ApiException(400, "csv-rows-invalid", "Invalid rows", errors.size()
                    + " row(s) cannot be imported; nothing was written", null).with("rowErrors", new ArrayList<>(errors));
        }
    }
}
