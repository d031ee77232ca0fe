package org.onemind.agency.agency;

public enum AgencyType {
    MUNICIPAL_POLICE,
    SHERIFF,
    STATE_POLICE,
    UNIVERSITY_POLICE,
    PUBLIC_SAFETY,
    TRIBAL,
    OTHER
}
