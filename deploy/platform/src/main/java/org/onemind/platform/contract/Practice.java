package org.onemind.platform.contract;

/** The four practices an agency pledges to put in place (RULES.md), in the order the campaign lists them. */
public enum Practice {
    PARTNERSHIP("Partnership", "A sustainable partnership with a mental health organization"),
    POLICY("Model policy", "A model policy on responding to persons affected by mental illness"),
    MHFA(
            "Mental Health First Aid",
            "Mental Health First Aid (or equivalent) for 100% of sworn officers and selected non-sworn staff"),
    CIT("Crisis Intervention Team", "Crisis Intervention Team training for at least 20% of sworn officers");

    private final String title;
    private final String commitment;

    Practice(String title, String commitment) {
        this.title = title;
        this.commitment = commitment;
    }

    /** How the campaign names the practice to people (letters, emails). */
    public String title() {
        return title;
    }

    /** What an agency that pledges commits to, in the campaign's words. */
    public String commitment() {
        return commitment;
    }
}
