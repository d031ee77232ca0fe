package org.onemind.agency.credential;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.onemind.agency.directory.PublicUrls;
import org.onemind.platform.contract.Practice;

/**
 * The Open Badges 3.0 {@code OpenBadgeCredential} (a W3C Verifiable Credential, data model 2.0) that
 * the campaign issues to an agency whose completion it verified, and the JWT claims that carry it
 * (OB 3.0 §8.2: the payload is the credential itself, with {@code iss}, {@code jti}, {@code nbf} and
 * {@code sub} added). Pure: the same agency and completion, the same document.
 */
public final class OpenBadgeCredential {
    static final String VC_CONTEXT = "https://www.w3.org/ns/credentials/v2";
    static final String OB_CONTEXT = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json";
    static final String OB_SCHEMA =
            "https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json";
    public static final String ACHIEVEMENT_NAME = "One Mind Campaign completion";

    private OpenBadgeCredential() {}

    /** The agency the credential is about, as the directory lists it. */
    public record Recipient(UUID agencyId, String name, String city, String state) {}

    /** The campaign as issuer: its profile (served at {@link PublicUrls#issuer()}). */
    public static Map<String, Object> issuer(PublicUrls urls, CredentialConfig config) {
        Map<String, Object> issuer = new LinkedHashMap<>();
        issuer.put("id", urls.issuer());
        issuer.put("type", List.of("Profile"));
        issuer.put("name", config.issuerName());
        issuer.put("url", config.issuerUrl());
        issuer.put("email", config.issuerEmail());
        issuer.put(
                "description",
                "The One Mind Campaign asks law enforcement agencies to put four practices in place so that officers"
                        + " meet people in a mental health crisis well; it verifies each completion.");
        return issuer;
    }

    /** The achievement every completion credential names, with the four practices as its criteria. */
    public static Map<String, Object> achievement(PublicUrls urls) {
        StringBuilder criteria = new StringBuilder(
                "The agency took the One Mind pledge and put in place, as verified by the campaign, all four practices:");
        int n = 1;
        for (Practice practice : Practice.values()) {
            criteria.append("\n")
                    .append(n++)
                    .append(". ")
                    .append(practice.commitment())
                    .append('.');
        }
        Map<String, Object> achievement = new LinkedHashMap<>();
        achievement.put("id", urls.achievement());
        achievement.put("type", List.of("Achievement"));
        achievement.put("achievementType", "Achievement");
        achievement.put("name", ACHIEVEMENT_NAME);
        achievement.put(
                "description",
                "Completion of the One Mind Campaign pledge: a law enforcement agency's partnership with a mental"
                        + " health organization, a model policy, Mental Health First Aid for every sworn officer and"
                        + " Crisis Intervention Team training for at least 20 % of them.");
        achievement.put("criteria", Map.of("narrative", criteria.toString()));
        return achievement;
    }

    /** A profile or achievement served on its own: with the JSON-LD contexts a credential gives it. */
    public static Map<String, Object> standalone(Map<String, Object> object) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("@context", List.of(VC_CONTEXT, OB_CONTEXT));
        document.putAll(object);
        return document;
    }

    /** The credential's JSON as the JWT carries it: the credential's members plus the registered claims. */
    public static Map<String, Object> claims(
            UUID credentialId,
            Recipient agency,
            LocalDate completedOn,
            Instant issuedAt,
            PublicUrls urls,
            CredentialConfig config) {
        Instant validFrom = completedOn.atStartOfDay(ZoneOffset.UTC).toInstant();
        String subject = urls.directoryEntry(agency.agencyId());

        Map<String, Object> credentialSubject = new LinkedHashMap<>();
        credentialSubject.put("id", subject);
        credentialSubject.put("type", List.of("AchievementSubject"));
        credentialSubject.put("activityEndDate", validFrom.toString());
        credentialSubject.put("achievement", achievement(urls));

        Map<String, Object> credential = new LinkedHashMap<>();
        credential.put("@context", List.of(VC_CONTEXT, OB_CONTEXT));
        credential.put("id", "urn:uuid:" + credentialId);
        credential.put("type", List.of("VerifiableCredential", "OpenBadgeCredential"));
        credential.put("name", ACHIEVEMENT_NAME + ": " + agency.name());
        credential.put(
                "description",
                agency.name() + " (" + agency.city() + ", " + agency.state()
                        + ") completed the One Mind Campaign on " + completedOn
                        + ": all four practices in place and verified by the campaign.");
        credential.put("issuer", issuer(urls, config));
        credential.put("validFrom", validFrom.toString());
        credential.put("awardedDate", issuedAt.toString());
        credential.put("credentialSubject", credentialSubject);
        credential.put("credentialStatus", Map.of("id", urls.revocations(), "type", "1EdTechRevocationList"));
        credential.put("credentialSchema", List.of(Map.of("id", OB_SCHEMA, "type", "1EdTechJsonSchemaValidator2019")));

        // OB 3.0 §8.2.3: the JWT's registered claims repeat the credential's members.
        credential.put("iss", urls.issuer());
        credential.put("jti", "urn:uuid:" + credentialId);
        credential.put("nbf", validFrom.getEpochSecond());
        credential.put("sub", subject);
        return credential;
    }
}
