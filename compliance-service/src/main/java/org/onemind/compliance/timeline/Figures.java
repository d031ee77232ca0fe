package org.onemind.compliance.timeline;

import java.sql.ResultSet;
import java.sql.SQLException;
import org.onemind.platform.contract.ComplianceTopic.Practices;

/**
 * The figures of one evaluation that the timeline and the forecast read: each practice's standing and
 * counts. MHFA counts everyone in scope (sworn officers and selected non-sworn staff); CIT counts sworn
 * officers against the required 20 %.
 */
public record Figures(
        boolean eligible,
        boolean partnershipMet,
        boolean policyMet,
        boolean mhfaMet,
        boolean citMet,
        int partnerships,
        int sworn,
        int mhfaTrained,
        int mhfaRequired,
        int citTrained,
        int citRequired) {

    /** Before an agency's first evaluation. */
    public static final Figures NONE = new Figures(false, false, false, false, false, 0, 0, 0, 0, 0, 0);

    /** The columns of {@code evaluation_change} in the order {@link #read} reads them. */
    static final String COLUMNS = "eligible, partnership_met, policy_met, mhfa_met, cit_met, partnerships, sworn,"
            + " mhfa_trained, mhfa_required, cit_trained, cit_required";

    public static Figures of(boolean eligible, Practices practices) {
        return new Figures(
                eligible,
                practices.partnership().met(),
                practices.policy().met(),
                practices.mhfa().met(),
                practices.cit().met(),
                practices.partnership().activePartnerships(),
                practices.mhfa().sworn(),
                practices.mhfa().swornTrained() + practices.mhfa().selectedNonSwornTrained(),
                practices.mhfa().sworn() + practices.mhfa().selectedNonSworn(),
                practices.cit().swornTrained(),
                practices.cit().required());
    }

    /** Reads {@link #COLUMNS} from the row, starting at column {@code first}. */
    static Figures read(ResultSet row, int first) throws SQLException {
        int i = first;
        return new Figures(
                row.getBoolean(i++),
                row.getBoolean(i++),
                row.getBoolean(i++),
                row.getBoolean(i++),
                row.getBoolean(i++),
                row.getInt(i++),
                row.getInt(i++),
                row.getInt(i++),
                row.getInt(i++),
                row.getInt(i++),
                row.getInt(i));
    }
}
