package org.onemind.training.certification;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.onemind.platform.problem.ApiException;
import org.onemind.platform.tx.Jdbc;
import org.onemind.training.course.Course;
import org.onemind.training.events.TrainingEvents;
import org.onemind.training.personnel.Personnel;
import org.onemind.training.personnel.PersonnelService;

@ApplicationScoped
public class CertificationService {

    @Inject
    TrainingEvents events;

    Clock clock = Clock.systemDefaultZone();

    public record Recorded(Certification certification, Course course) {}

    @jakarta.inject.Inject
    jakarta.persistence.EntityManager em;

    @jakarta.inject.Inject
    com.fasterxml.jackson.databind.ObjectMapper json;

    /**
     * Records a certification. With an {@code Idempotency-Key}, a retry with the same body returns
     * the original certification and records nothing; the same key with another body is refused.
     */
    /** What an idempotency key was first used for. */
    private record EarlierRequest(String requestHash, UUID certificationId) {}

    @Transactional
    public Recorded record(UUID agencyId, CertificationRequests.RecordCertification request, String idempotencyKey) {
        if (idempotencyKey == null || idempotencyKey.isBlank()) {
            return record(agencyId, request);
        }
        if (idempotencyKey.length() > 200) {
            throw ApiException.invalid("Idempotency-Key", "must be at most 200 characters");
        }
        String hash = hash(request);
        java.util.Optional<EarlierRequest> earlier = Jdbc.first(
                em,
                "select request_hash, certification_id from idempotency_record"
                        + " where agency_id = ? and idempotency_key = ?",
                row -> new EarlierRequest(row.getString(1), row.getObject(2, UUID.class)),
                agencyId,
                idempotencyKey);
        if (earlier.isPresent()) {
            if (!hash.equals(earlier.get().requestHash())) {
                throw ApiException.unprocessable(
                        "idempotency-key-reused",
                        "Idempotency-Key " + idempotencyKey + " was used with another request body");
            }
            Certification original = Certification.findById(earlier.get().certificationId());
            return new Recorded(original, Course.findById(original.courseId));
        }
        Recorded recorded = record(agencyId, request);
        em.createNativeQuery(
                        "insert into idempotency_record (agency_id, idempotency_key, request_hash, certification_id,"
                                + " created_at) values (?1, ?2, ?3, ?4, now())")
                .setParameter(1, agencyId)
                .setParameter(2, idempotencyKey)
                .setParameter(3, hash)
                .setParameter(4, recorded.certification().id)
                .executeUpdate();
        return recorded;
    }

    private String hash(CertificationRequests.RecordCertification request) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(json.writeValueAsBytes(request));
            return java.util.HexFormat.of().formatHex(digest);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Transactional
    public Recorded revoke(UUID agencyId, UUID certificationId, String reason) {
        PersonnelService.requireKnownAgency(agencyId);
        Certification certification = Certification.<Certification>find(
                        "id = ?1 and agencyId = ?2", certificationId, agencyId)
                .firstResult();
        if (certification == null) {
            throw ApiException.notFound("certification", certificationId);
        }
        if (certification.revokedAt != null) {
            throw ApiException.conflict(
                    "already-revoked", "the certification was revoked on " + certification.revokedAt);
        }
        certification.revokedAt = Instant.now();
        certification.revocationReason = reason.trim();
        events.certificationRevoked(certification);
        return new Recorded(certification, Course.findById(certification.courseId));
    }

    @Transactional
    public Recorded record(UUID agencyId, CertificationRequests.RecordCertification request) {
        PersonnelService.requireKnownAgency(agencyId);
        Personnel person = personOf(agencyId, request);
        Course course = Course.findById(request.courseId());
        if (course == null) {
            throw ApiException.invalid("courseId", "no course " + request.courseId() + " in the catalog");
        }
        if (request.completedOn().isAfter(LocalDate.now(clock))) {
            throw ApiException.invalid("completedOn", "must not be in the future");
        }
        if (person.separatedOn != null && request.completedOn().isAfter(person.separatedOn)) {
            throw ApiException.invalid("completedOn", "is after the person's separation on " + person.separatedOn);
        }
        Certification certification = new Certification();
        certification.id = UUID.randomUUID();
        certification.agencyId = agencyId;
        certification.personnelId = person.id;
        certification.courseId = course.id;
        certification.completedOn = request.completedOn();
        certification.expiresOn = course.expiryOf(request.completedOn());
        certification.deliveryMode = request.deliveryMode();
        certification.hours = request.hours() == null ? course.hours : request.hours();
        certification.certificateNumber = request.certificateNumber();
        certification.createdAt = Instant.now();
        certification.persist();
        events.certificationRecorded(certification, course);
        return new Recorded(certification, course);
    }

    private static Personnel personOf(UUID agencyId, CertificationRequests.RecordCertification request) {
        if (request.personnelId() == null
                && (request.employeeNumber() == null || request.employeeNumber().isBlank())) {
            throw ApiException.invalid("personnelId", "name the person by personnelId or employeeNumber");
        }
        Personnel person = request.personnelId() != null
                ? Personnel.<Personnel>find("id = ?1 and agencyId = ?2", request.personnelId(), agencyId)
                        .firstResult()
                : Personnel.<Personnel>find("agencyId = ?1 and employeeNumber = ?2", agencyId, request.employeeNumber())
                        .firstResult();
        if (person == null) {
            String field = request.personnelId() != null ? "personnelId" : "employeeNumber";
            throw ApiException.invalid(field, "no such person on this agency's roster");
        }
        return person;
    }
}
