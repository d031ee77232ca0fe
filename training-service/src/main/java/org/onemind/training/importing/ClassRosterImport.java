package org.onemind.training.importing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.io.InputStream;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.onemind.platform.contract.TrainingTopic;
import org.onemind.platform.problem.ApiException;
import org.onemind.platform.tx.Jdbc;
import org.onemind.platform.tx.JdbcBatch;
import org.onemind.training.certification.Certification;
import org.onemind.training.certification.CertificationRequests;
import org.onemind.training.certification.DeliveryMode;
import org.onemind.training.course.Course;
import org.onemind.training.events.TrainingEvents;
import org.onemind.training.personnel.PersonnelService;

/**
 * A training provider's class roster: who completed one course on one date. All or nothing, with
 * every bad row reported; each certification and its event are written in one transaction.
 * Columns: employeeNumber, and optionally certificateNumber and hours.
 */
@ApplicationScoped
public class ClassRosterImport {
    static final Set<String> REQUIRED = Set.of("employeeNumber");
    static final Set<String> COLUMNS = Set.of("employeeNumber", "certificateNumber", "hours");
    /** Certifications written per JDBC batch and published per event. */
    static final int CHUNK = TrainingTopic.ROWS_PER_EVENT;

    @Inject
    EntityManager em;

    @Inject
    TrainingEvents events;

    @Inject
    CsvUpload csv;

    @Schema(name = "ClassRosterImportReport", description = "What a class-roster import recorded.")
    public record Report(int rows, int recorded, UUID courseId, LocalDate completedOn) {}

    record Person(UUID id, LocalDate separatedOn) {}

    @Transactional
    public Report importClass(
            UUID agencyId, UUID courseId, LocalDate completedOn, DeliveryMode mode, InputStream body) {
        PersonnelService.requireKnownAgency(agencyId);
        if (courseId == null) {
            throw ApiException.invalid("courseId", "name the course the class completed (query parameter courseId)");
        }
        if (completedOn == null) {
            throw ApiException.invalid(
                    "completedOn", "give the completion date (query parameter completedOn, YYYY-MM-DD)");
        }
        Course course = Course.findById(courseId);
        if (course == null) {
            throw ApiException.invalid("courseId", "no course " + courseId + " in the catalog");
        }
        if (completedOn.isAfter(LocalDate.now())) {
            throw ApiException.invalid("completedOn", "must not be in the future");
        }
        Map<String, Person> roster = roster(agencyId);
        Map<String, Long> seen = new HashMap<>();
        Instant now = Instant.now();
        DeliveryMode deliveryMode = mode == null ? DeliveryMode.IN_PERSON : mode;
        List<Certification> certifications = csv.read(body, COLUMNS, REQUIRED, row -> {
            String employeeNumber = row.text("employeeNumber");
            String certificateNumber = row.text("certificateNumber");
            BigDecimal hours = row.decimal("hours");
            // The same rules as recording one certification through the JSON API.
            row.validate(new CertificationRequests.RecordCertification(
                    null, employeeNumber, course.id, completedOn, deliveryMode, hours, certificateNumber));
            if (row.failed()) {
                return null;
            }
            Person person = employeeNumber == null ? null : roster.get(employeeNumber);
            if (person == null) {
                row.error(
                        "employeeNumber",
                        employeeNumber == null
                                ? "required"
                                : "no one with employee number " + employeeNumber + " on this agency's roster");
                return null;
            }
            if (person.separatedOn() != null && completedOn.isAfter(person.separatedOn())) {
                row.error("employeeNumber", "separated on " + person.separatedOn() + ", before the class completed");
                return null;
            }
            Long first = seen.putIfAbsent(employeeNumber, row.line());
            if (first != null) {
                row.error("employeeNumber", "repeats line " + first);
                return null;
            }
            Certification c = new Certification();
            c.id = UUID.randomUUID();
            c.agencyId = agencyId;
            c.personnelId = person.id();
            c.courseId = course.id;
            c.completedOn = completedOn;
            c.expiresOn = course.expiryOf(completedOn);
            c.deliveryMode = deliveryMode;
            c.hours = hours == null ? course.hours : hours;
            c.certificateNumber = certificateNumber;
            c.createdAt = now;
            return c;
        });
        for (int from = 0; from < certifications.size(); from += CHUNK) {
            List<Certification> chunk = certifications.subList(from, Math.min(certifications.size(), from + CHUNK));
            write(chunk);
            events.certificationsRecorded(agencyId, course, chunk);
        }
        return new Report(certifications.size(), certifications.size(), course.id, completedOn);
    }

    private Map<String, Person> roster(UUID agencyId) {
        List<Map.Entry<String, Person>> rows = Jdbc.query(
                em,
                "select employee_number, id, separated_on from personnel" + " where agency_id = ?",
                row -> Map.entry(
                        row.getString(1), new Person(row.getObject(2, UUID.class), row.getObject(3, LocalDate.class))),
                agencyId);
        Map<String, Person> roster = new HashMap<>(rows.size() * 2);
        rows.forEach(entry -> roster.put(entry.getKey(), entry.getValue()));
        return roster;
    }

    private void write(List<Certification> certifications) {
        JdbcBatch.write(
                em,
                "insert into certification (id, agency_id, personnel_id, course_id, completed_on, expires_on,"
                        + " delivery_mode, hours, certificate_number, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                certifications,
                (insert, c) -> {
                    insert.setObject(1, c.id);
                    insert.setObject(2, c.agencyId);
                    insert.setObject(3, c.personnelId);
                    insert.setObject(4, c.courseId);
                    insert.setDate(5, Date.valueOf(c.completedOn));
                    insert.setDate(6, c.expiresOn == null ? null : Date.valueOf(c.expiresOn));
                    insert.setString(7, c.deliveryMode.name());
                    insert.setBigDecimal(8, c.hours);
                    insert.setString(9, c.certificateNumber);
                    insert.setTimestamp(10, Timestamp.from(c.createdAt));
                });
    }
}
