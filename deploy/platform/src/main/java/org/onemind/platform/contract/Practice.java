package org.onemind.platform.contract;

/** The four practices an agency pledges to put in place (RULES.md), in the order the campaign lists them. */
public enum Practice {
    PARTNERSHIP("Partnership"),
    POLICY("Model policy"),
    MHFA("Mental Health First Aid"),
    CIT("Crisis Intervention Team");

    private final String title;

    Practice(String title) {
        this.title = title;
    }

    /** How the campaign names the practice to people (letters, emails). */
    public String title() {
        return title;
    }
}
