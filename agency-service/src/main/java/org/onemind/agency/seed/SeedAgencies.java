package org.onemind.agency.seed;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.onemind.agency.agency.Agency;
import org.onemind.agency.agency.AgencyType;
import org.onemind.agency.events.AgencyEvents;
import org.onemind.agency.history.HistoryLog;
import org.onemind.agency.pledge.Pledge;
import org.onemind.platform.contract.DeadlineStatus;
import org.onemind.platform.contract.PledgeStatus;

/**
 * Loads the agencies the campaign lists today (name, state, PLEDGED or COMPLETED) into an empty
 * database, so a new installation's public directory is not empty. Off unless
 * {@code onemind.agency.seed-file} names a CSV ({@code name,state,listed_as}). The list carries no
 * dates: listing order stands in for recency (first = most recent, a week apart).
 */
@ApplicationScoped
public class SeedAgencies {
    private static final Logger LOG = Logger.getLogger(SeedAgencies.class);
    private static final long SEED_LOCK = 0x7365656400L;

    @ConfigProperty(name = "onemind.agency.seed-file")
    Optional<String> seedFile;

    @Inject
    AgencyEvents events;

    @Inject
    HistoryLog history;

    void onStart(@Observes StartupEvent event) {
        seedFile.filter(f -> !f.isBlank()).map(Path::of).ifPresent(this::seedIfEmpty);
    }

    @Transactional
    public int seedIfEmpty(Path file) {
        // Replicas starting together: one seeds, the others wait for it and then find agencies.
        Agency.getEntityManager()
                .createNativeQuery("select pg_advisory_xact_lock(?1)")
                .setParameter(1, SEED_LOCK)
                .getSingleResult();
        if (Agency.count() > 0) {
            return 0;
        }
        List<CSVRecord> rows;
        try (Reader reader = Files.newBufferedReader(file)) {
            rows = CSVFormat.RFC4180
                    .builder()
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    .setTrim(true)
                    .get()
                    .parse(reader)
                    .getRecords();
        } catch (IOException e) {
            LOG.errorf("seed file %s cannot be read: %s", file, e.getMessage());
            return 0;
        }
        // One agency per name and state; COMPLETED wins over PLEDGED (it pledged, then completed).
        Map<String, CSVRecord> byAgency = new LinkedHashMap<>();
        for (CSVRecord row : rows) {
            String key = row.get("name") + "|" + row.get("state");
            CSVRecord known = byAgency.get(key);
            if (known == null || "COMPLETED".equals(row.get("listed_as"))) {
                byAgency.put(key, row);
            }
        }
        LocalDate today = LocalDate.now();
        int pledgedIndex = 0;
        int completedIndex = 0;
        for (CSVRecord row : byAgency.values()) {
            boolean completed = "COMPLETED".equals(row.get("listed_as"));
            Agency agency = new Agency();
            agency.id = org.onemind.platform.api.AgencyIds.newId();
            agency.name = row.get("name");
            agency.type = typeOf(agency.name);
            agency.city = "";
            agency.state = row.get("state");
            agency.country = "US";
            agency.createdAt = Instant.now();
            agency.updatedAt = agency.createdAt;
            agency.persist();
            Pledge pledge = new Pledge();
            pledge.id = UUID.randomUUID();
            pledge.agencyId = agency.id;
            if (completed) {
                pledge.completedOn = today.minusWeeks(completedIndex++);
                pledge.pledgedOn = pledge.completedOn.minusMonths(18);
                pledge.status = PledgeStatus.COMPLETED;
                pledge.deadlineStatus = DeadlineStatus.COMPLETED;
            } else {
                pledge.pledgedOn = today.minusWeeks(pledgedIndex++);
                pledge.status = PledgeStatus.PLEDGED;
                pledge.deadlineStatus = DeadlineStatus.ON_TRACK;
            }
            pledge.targetCompletionOn = pledge.pledgedOn.plusMonths(24);
            pledge.signedBy = "(seeded from the campaign's list)";
            pledge.createdAt = Instant.now();
            pledge.persist();
            history.record(
                    agency.id,
                    "agency.seeded",
                    null,
                    Map.of("name", agency.name, "state", agency.state, "pledgeStatus", pledge.status));
            events.agencyRegistered(agency);
            events.pledgeTaken(pledge);
        }
        LOG.infof("seeded %d agencies from %s", byAgency.size(), file);
        return byAgency.size();
    }

    static AgencyType typeOf(String name) {
        String lower = name.toLowerCase();
        if (lower.contains("university")) {
            return AgencyType.UNIVERSITY_POLICE;
        }
        if (lower.contains("public safety")) {
            return AgencyType.PUBLIC_SAFETY;
        }
        if (lower.contains("sheriff")) {
            return AgencyType.SHERIFF;
        }
        return AgencyType.MUNICIPAL_POLICE;
    }
}
