package org.onemind.training.importing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.io.InputStream;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.onemind.platform.contract.TrainingTopic;
import org.onemind.platform.tx.Jdbc;
import org.onemind.platform.tx.JdbcBatch;
import org.onemind.training.events.TrainingEvents;
import org.onemind.training.personnel.Personnel;
import org.onemind.training.personnel.PersonnelRequests;
import org.onemind.training.personnel.PersonnelService;

/**
 * A whole roster from CSV, all or nothing: every row is checked first and any bad row refuses the
 * file with the list of all bad rows. Rows are matched by employee number: new people are added,
 * changed ones updated, identical ones left alone, so a re-import changes nothing.
 * Columns: employeeNumber, firstName, lastName, sworn (true/false), role, selectedForTraining
 * (true/false, non-sworn only), hiredOn (YYYY-MM-DD).
 */
@ApplicationScoped
public class RosterImport {
    static final Set<String> REQUIRED = Set.of("employeeNumber", "firstName", "lastName", "sworn");
    static final Set<String> COLUMNS =
            Set.of("employeeNumber", "firstName", "lastName", "sworn", "role", "selectedForTraining", "hiredOn");
    /** Rows written per JDBC batch and published per event, so a large roster never holds all its rows at once. */
    static final int CHUNK = TrainingTopic.ROWS_PER_EVENT;

    @Inject
    EntityManager em;

    @Inject
    TrainingEvents events;

    @Inject
    CsvUpload csv;

    @Schema(name = "RosterImportReport", description = "What a roster import changed.")
    public record Report(int rows, int added, int updated, int unchanged) {}

    record Row(
            long line,
            String employeeNumber,
            String firstName,
            String lastName,
            boolean sworn,
            String role,
            boolean selected,
            LocalDate hiredOn) {}

    @Transactional
    public Report importRoster(UUID agencyId, InputStream body) {
        PersonnelService.requireKnownAgency(agencyId);
        Map<String, Long> seen = new HashMap<>();
        List<Row> rows = csv.read(body, COLUMNS, REQUIRED, row -> {
            Row parsed = parse(row);
            if (parsed == null) {
                return null;
            }
            Long first = seen.putIfAbsent(parsed.employeeNumber(), parsed.line());
            if (first != null) {
                row.error("employeeNumber", "repeats line " + first);
                return null;
            }
            return parsed;
        });
        seen.clear();

        Map<String, Personnel> existing = existing(agencyId);
        List<Personnel> added = new ArrayList<>(CHUNK);
        List<Personnel> updated = new ArrayList<>(CHUNK);
        int addedCount = 0;
        int updatedCount = 0;
        for (Row row : rows) {
            Personnel person = existing.remove(row.employeeNumber());
            if (person == null) {
                person = new Personnel();
                person.id = UUID.randomUUID();
                person.agencyId = agencyId;
                person.employeeNumber = row.employeeNumber();
                apply(person, row);
                added.add(person);
            } else if (differs(person, row)) {
                apply(person, row);
                updated.add(person);
            }
            if (added.size() + updated.size() >= CHUNK) {
                addedCount += added.size();
                updatedCount += updated.size();
                flush(added, updated);
            }
        }
        addedCount += added.size();
        updatedCount += updated.size();
        flush(added, updated);
        return new Report(rows.size(), addedCount, updatedCount, rows.size() - addedCount - updatedCount);
    }

    /** Writes and publishes one chunk, then lets it go. */
    private void flush(List<Personnel> added, List<Personnel> updated) {
        if (added.isEmpty() && updated.isEmpty()) {
            return;
        }
        write(added, updated);
        List<Personnel> changed = new ArrayList<>(added.size() + updated.size());
        changed.addAll(added);
        changed.addAll(updated);
        events.personnelImported(changed.get(0).agencyId, changed);
        added.clear();
        updated.clear();
    }

    /** The row by the JSON API's rules for adding a person (PersonnelRequests.AddPersonnel). */
    private static Row parse(CsvUpload.Row row) {
        String employeeNumber = row.text("employeeNumber");
        String firstName = row.text("firstName");
        String lastName = row.text("lastName");
        Boolean sworn = row.bool("sworn", null);
        String role = row.text("role");
        Boolean selected = row.bool("selectedForTraining", Boolean.FALSE);
        LocalDate hiredOn = row.date("hiredOn");
        row.validate(new PersonnelRequests.AddPersonnel(
                employeeNumber, firstName, lastName, sworn, role, selected, hiredOn));
        if (row.failed()) {
            return null;
        }
        return new Row(row.line(), employeeNumber, firstName, lastName, sworn, role, !sworn && selected, hiredOn);
    }

    private static boolean differs(Personnel person, Row row) {
        return !Objects.equals(person.firstName, row.firstName())
                || !Objects.equals(person.lastName, row.lastName())
                || person.sworn != row.sworn()
                || !Objects.equals(person.role, row.role())
                || person.selectedForTraining != row.selected()
                || !Objects.equals(person.hiredOn, row.hiredOn());
    }

    private static void apply(Personnel person, Row row) {
        person.firstName = row.firstName();
        person.lastName = row.lastName();
        person.sworn = row.sworn();
        person.role = row.role();
        person.selectedForTraining = row.selected();
        person.hiredOn = row.hiredOn();
    }

    private Map<String, Personnel> existing(UUID agencyId) {
        List<Personnel> rows = Jdbc.query(
                em,
                "select id, employee_number, first_name, last_name, sworn, role,"
                        + " selected_for_training, hired_on, separated_on, version from personnel where agency_id = ? for update",
                row -> {
                    Personnel p = new Personnel();
                    p.id = row.getObject(1, UUID.class);
                    p.agencyId = agencyId;
                    p.employeeNumber = row.getString(2);
                    p.firstName = row.getString(3);
                    p.lastName = row.getString(4);
                    p.sworn = row.getBoolean(5);
                    p.role = row.getString(6);
                    p.selectedForTraining = row.getBoolean(7);
                    p.hiredOn = row.getObject(8, LocalDate.class);
                    p.separatedOn = row.getObject(9, LocalDate.class);
                    p.version = row.getInt(10);
                    return p;
                },
                agencyId);
        Map<String, Personnel> byNumber = new HashMap<>(rows.size() * 2);
        rows.forEach(p -> byNumber.put(p.employeeNumber, p));
        return byNumber;
    }

    private void write(List<Personnel> added, List<Personnel> updated) {
        Timestamp now = Timestamp.from(Instant.now());
        JdbcBatch.write(
                em,
                "insert into personnel (id, agency_id, employee_number, first_name, last_name, sworn, role,"
                        + " selected_for_training, hired_on, version, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?)",
                added,
                (insert, p) -> {
                    insert.setObject(1, p.id);
                    insert.setObject(2, p.agencyId);
                    insert.setString(3, p.employeeNumber);
                    insert.setString(4, p.firstName);
                    insert.setString(5, p.lastName);
                    insert.setBoolean(6, p.sworn);
                    insert.setString(7, p.role);
                    insert.setBoolean(8, p.selectedForTraining);
                    insert.setDate(9, p.hiredOn == null ? null : Date.valueOf(p.hiredOn));
                    insert.setTimestamp(10, now);
                });
        JdbcBatch.write(
                em,
                "update personnel set first_name = ?, last_name = ?, sworn = ?, role = ?,"
                        + " selected_for_training = ?, hired_on = ?, version = version + 1 where id = ?",
                updated,
                (update, p) -> {
                    update.setString(1, p.firstName);
                    update.setString(2, p.lastName);
                    update.setBoolean(3, p.sworn);
                    update.setString(4, p.role);
                    update.setBoolean(5, p.selectedForTraining);
                    update.setDate(6, p.hiredOn == null ? null : Date.valueOf(p.hiredOn));
                    update.setObject(7, p.id);
                });
    }
}
