package org.onemind.notification.email;

import java.util.Locale;
import org.onemind.platform.contract.ComplianceTopic.PracticePace;
import org.onemind.platform.contract.ForecastStatus;
import org.onemind.platform.contract.Practice;

/** One unmet practice of a forecast in the campaign's words: where it stands and what would put it on pace. */
final class ForecastLines {

    private ForecastLines() {}

    static String line(PracticePace pace, int windowWeeks) {
        String title = pace.practice().title();
        boolean training = pace.practice() == Practice.MHFA || pace.practice() == Practice.CIT;
        if (!training) {
            return pace.projectedOn() == null
                    ? title + ": not in place yet and nothing recorded to start"
                    : title + ": in place from " + pace.projectedOn()
                            + (pace.status() == ForecastStatus.AT_RISK ? ", after the target date" : "");
        }
        StringBuilder line =
                new StringBuilder(title).append(": ").append(pace.shortfall()).append(" still to train");
        if (pace.pacePerWeek() == null || pace.pacePerWeek() <= 0) {
            line.append("; no progress over the last ").append(windowWeeks).append(" weeks");
        } else {
            line.append("; ")
                    .append(perWeek(pace.pacePerWeek()))
                    .append(" a week over the last ")
                    .append(windowWeeks)
                    .append(" weeks");
            if (pace.projectedOn() != null) {
                line.append(", met on ").append(pace.projectedOn()).append(" at that pace");
            }
        }
        if (pace.neededPerWeek() != null && pace.status() != ForecastStatus.ON_PACE) {
            line.append(". On pace: ").append(perWeek(pace.neededPerWeek())).append(" a week from now");
        }
        return line.toString();
    }

    private static String perWeek(double people) {
        return String.format(Locale.ROOT, people == Math.rint(people) ? "%.0f" : "%.1f", people);
    }
}
