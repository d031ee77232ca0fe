package org.onemind.compliance.rules;

/** The two ways the campaign has stated the training rule (RULES.md, "Rule editions"). */
public enum RuleEdition {
    /** MHFA for every active sworn officer and selected non-sworn staff; CIT does not count as MHFA. */
    E2016("2016"),
    /** As 2016, except a sworn officer with a current CIT certification also counts as MHFA-covered. */
    E2024("2024");

    private final String label;

    RuleEdition(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static RuleEdition of(String label) {
        for (RuleEdition edition : values()) {
            if (edition.label.equals(label)) {
                return edition;
            }
        }
        throw new IllegalArgumentException("unknown rule edition " + label + " (known: 2016, 2024)");
    }
}
