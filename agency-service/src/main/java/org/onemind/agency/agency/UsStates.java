package org.onemind.agency.agency;

import java.util.Set;

/** USPS codes of the states, the District of Columbia and the territories. */
final class UsStates {
    private static final Set<String> CODES = Set.of(
            "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "FL", "GA", "HI", "ID", "IL", "IN", "IA", "KS", "KY", "LA",
            "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM", "NY", "NC", "ND", "OH", "OK",
            "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA", "WV", "WI", "WY", "DC", "AS", "GU", "MP",
            "PR", "VI");

    private UsStates() {}

    static boolean isValid(String code) {
        return code != null && CODES.contains(code);
    }
}
