package org.onemind.training.importing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.onemind.platform.input.BoundedInput;
import org.onemind.platform.input.Dates;
import org.onemind.platform.input.TextRules;
import org.onemind.platform.problem.ApiException;
import org.onemind.platform.problem.ProblemMappers;

/**
 * A CSV upload read as a stream, one row at a time, never the whole file: at most
 * {@code max-bytes} and {@code max-rows} (413 above either), at most {@link #MAX_COLUMNS}
 * columns, only the columns the import knows, UTF-8 only. Each cell follows the JSON API's rules
 * for its field (text rules, dates, and the request record's own constraints, see
 * {@link Row#validate}); every bad row is reported (the first {@link #MAX_REPORTED_ERRORS}) and
 * refuses the whole file.
 */
@ApplicationScoped
public class CsvUpload {
    public static final int MAX_COLUMNS = 50;
    /** The documented default of {@code max-bytes} (the OpenAPI documents state it as the body's maxLength). */
    public static final int DEFAULT_MAX_BYTES = 20_971_520;

    public static final int MAX_REPORTED_ERRORS = 1000;

    /** A rejected row: its line in the file, the column and why. */
    public record RowError(long line, String field, String message) {}

    /** Reads one row into what the import keeps, or null when the row has errors (recorded on it). */
    @FunctionalInterface
    public interface RowReader<R> {
        R read(Row row);
    }

    @Inject
    Validator validator;

    @ConfigProperty(name = "onemind.training.import.max-bytes", defaultValue = "20971520")
    long maxBytes;

    @ConfigProperty(name = "onemind.training.import.max-rows", defaultValue = "100000")
    int maxRows;

    public long maxBytes() {
        return maxBytes;
    }

    public int maxRows() {
        return maxRows;
    }

    /**
     * Every row read by {@code reader}, in file order; refuses the file (400, every bad row listed)
     * if any row is bad, or 413 above the size or row limits.
     */
    public <R> List<R> read(InputStream body, Set<String> columns, Set<String> required, RowReader<R> reader) {
        Reader text = utf8(new BoundedInput(
                body,
                maxBytes,
                "the file is larger than " + maxBytes / (1024 * 1024) + " MB; split it into smaller files"));
        CSVFormat format = CSVFormat.RFC4180
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .setTrim(true)
                .setIgnoreEmptyLines(true)
                .setIgnoreSurroundingSpaces(true)
                .get();
        List<R> rows = new ArrayList<>();
        Errors errors = new Errors();
        try (CSVParser parser = format.parse(text)) {
            List<String> header = parser.getHeaderNames();
            checkHeader(header, columns, required);
            for (CSVRecord record : parser) {
                if (record.getRecordNumber() > maxRows) {
                    throw new ApiException(
                                    413,
                                    "upload-too-many-rows",
                                    "Upload too large",
                                    "the file has more than " + maxRows + " rows; split it into smaller files",
                                    null)
                            .with("maxRows", maxRows);
                }
                Row row = new Row(record, errors, validator);
                if (record.size() > header.size()) {
                    row.error(
                            "line", "has " + record.size() + " cells but the header has " + header.size() + " columns");
                    continue;
                }
                R read = reader.read(row);
                if (read != null && !row.failed) {
                    rows.add(read);
                }
            }
        } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            if (e instanceof ApiException api) {
                throw api;
            }
            Throwable cause = e instanceof UncheckedIOException ? e.getCause() : e;
            if (cause instanceof CharacterCodingException
                    || cause != null && cause.getCause() instanceof CharacterCodingException) {
                throw csvInvalid("the file is not UTF-8 text");
            }
            String message = String.valueOf(cause == null ? e.getMessage() : cause.getMessage());
            if (message.contains("duplicate name")) {
                throw csvInvalid("the header names a column twice");
            }
            java.util.regex.Matcher line =
                    java.util.regex.Pattern.compile("line (\\d+)").matcher(message);
            throw csvInvalid("the file is not valid CSV" + (line.find() ? " at line " + line.group(1) : "")
                    + ": a quote is not closed, or a quote is inside an unquoted value");
        }
        if (errors.count > 0) {
            throw new ApiException(
                            400,
                            "csv-rows-invalid",
                            "Invalid rows",
                            errors.count
                                    + " row(s) cannot be imported; nothing was written"
                                    + (errors.count > MAX_REPORTED_ERRORS
                                            ? " (the first " + MAX_REPORTED_ERRORS + " are listed)"
                                            : ""),
                            null)
                    .with("rowErrors", errors.listed);
        }
        return rows;
    }

    private static void checkHeader(List<String> header, Set<String> columns, Set<String> required) {
        if (header.isEmpty()) {
            throw csvInvalid("the file is empty; the first line must be the header");
        }
        if (header.size() > MAX_COLUMNS) {
            throw csvInvalid("the header has " + header.size() + " columns; at most " + MAX_COLUMNS + " are read");
        }
        Set<String> missing = new TreeSet<>(required);
        missing.removeAll(header);
        if (!missing.isEmpty()) {
            throw new ApiException(
                            400,
                            "csv-invalid",
                            "Invalid CSV",
                            "the header row lacks " + missing + " (columns are separated by commas; found "
                                    + shown(header) + ")",
                            null)
                    .with("missingColumns", missing);
        }
        Set<String> unknown = new LinkedHashSet<>(header);
        unknown.removeAll(columns);
        if (!unknown.isEmpty()) {
            throw new ApiException(
                            400,
                            "csv-invalid",
                            "Invalid CSV",
                            "the header names columns this import does not" + " know: " + shown(List.copyOf(unknown))
                                    + "; the columns are " + new TreeSet<>(columns),
                            null)
                    .with("unknownColumns", unknown.stream().limit(MAX_COLUMNS).toList());
        }
    }

    private static String shown(List<String> names) {
        String joined = String.join(",", names.subList(0, Math.min(names.size(), 10)));
        String safe = TextRules.problemWith(joined, false) == null ? joined : "(names with control characters)";
        return (safe.length() > 300 ? safe.substring(0, 300) + "..." : safe) + (names.size() > 10 ? ",..." : "");
    }

    private static Reader utf8(InputStream in) {
        Reader reader = new InputStreamReader(
                in,
                StandardCharsets.UTF_8
                        .newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT));
        BufferedReader buffered = new BufferedReader(reader, 64 * 1024);
        try {
            buffered.mark(1);
            if (buffered.read() != '\uFEFF') {
                buffered.reset();
            }
        } catch (IOException e) {
            throw csvInvalid(
                    e instanceof CharacterCodingException
                            ? "the file is not UTF-8 text"
                            : "the file could not be read");
        }
        return buffered;
    }

    private static ApiException csvInvalid(String detail) {
        return new ApiException(400, "csv-invalid", "Invalid CSV", detail, null);
    }

    /** The bad rows of one file: all counted, the first {@link #MAX_REPORTED_ERRORS} listed. */
    static final class Errors {
        final List<RowError> listed = new ArrayList<>();
        long count;
    }

    /** One row: cells read by the API's field rules, errors recorded against its line. */
    public static final class Row {
        private final CSVRecord record;
        private final Errors errors;
        private final Validator validator;
        private final Set<String> failedFields = new LinkedHashSet<>();
        private boolean failed;

        Row(CSVRecord record, Errors errors, Validator validator) {
            this.record = record;
            this.errors = errors;
            this.validator = validator;
        }

        /** The line of this row in the file: the header is line 1. */
        public long line() {
            return record.getRecordNumber() + 1;
        }

        public boolean failed() {
            return failed;
        }

        public void error(String field, String message) {
            if (!failed) {
                errors.count++;
            }
            failed = true;
            failedFields.add(field);
            if (errors.listed.size() < MAX_REPORTED_ERRORS) {
                errors.listed.add(new RowError(line(), field, message));
            }
        }

        /** A cell's text, NFC; null when absent or empty. Refuses control characters, line breaks and formula starts. */
        public String text(String column) {
            if (!record.isMapped(column) || !record.isSet(column)) {
                return null;
            }
            String value = record.get(column);
            if (value == null || value.isEmpty()) {
                return null;
            }
            String problem = TextRules.problemWith(value, false);
            if (problem != null) {
                error(column, problem);
                return null;
            }
            if ("=+-@".indexOf(value.charAt(0)) >= 0 && !value.matches("-?\\d+(\\.\\d+)?")) {
                error(column, "must not start with = + - @ (spreadsheet formula)");
                return null;
            }
            return TextRules.normalized(value);
        }

        /** true/false; {@code absent} when the cell is empty. */
        public Boolean bool(String column, Boolean absent) {
            String value = text(column);
            if (value == null) {
                return absent;
            }
            // Spreadsheets write TRUE and FALSE.
            if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
                return Boolean.valueOf(value.toLowerCase());
            }
            error(column, "must be true or false");
            return null;
        }

        public LocalDate date(String column) {
            String value = text(column);
            if (value == null) {
                return null;
            }
            LocalDate date = Dates.parse(value);
            if (date == null) {
                error(column, Dates.RULE);
            }
            return date;
        }

        public BigDecimal decimal(String column) {
            String value = text(column);
            if (value == null) {
                return null;
            }
            if (!value.matches("\\d{1,6}(\\.\\d{1,2})?")) {
                error(column, "must be a number like 8 or 7.5");
                return null;
            }
            return new BigDecimal(value);
        }

        /**
         * Checks the row as the JSON API checks the same request: {@code request} is the API's
         * request record built from the cells; each violation is reported against its column.
         */
        public void validate(Object request) {
            for (ConstraintViolation<Object> violation : validator.validate(request)) {
                String field = ProblemMappers.fieldOf(violation);
                if (!failedFields.contains(field)) {
                    error(field, violation.getMessage());
                }
            }
        }
    }
}
