package org.onemind.agency.policy;

/**
 * The components of the IACP model policy on responding to persons affected by mental illness or
 * in crisis. The agency's policy records which it covers; coverage is reported, not required.
 */
public enum PolicyComponent {
    RECOGNIZING_SIGNS_AND_SYMPTOMS("Recognizing signs and symptoms of mental illness and crisis"),
    DE_ESCALATION("De-escalation and communication techniques"),
    CRISIS_INTERVENTION_TEAM("Crisis Intervention Team response and specialized officers"),
    MENTAL_HEALTH_RESOURCES("Community mental health resources and referral"),
    VOLUNTARY_EVALUATION("Voluntary emergency evaluation"),
    INVOLUNTARY_EVALUATION("Involuntary emergency evaluation and legal criteria"),
    TRANSPORTATION("Transportation and custody"),
    USE_OF_FORCE_CONSIDERATIONS("Use-of-force considerations with persons in crisis"),
    DOCUMENTATION("Documentation and reporting"),
    TRAINING("Training requirements"),
    COMMUNITY_PARTNERSHIPS("Partnerships with mental health providers");

    private final String label;

    PolicyComponent(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
