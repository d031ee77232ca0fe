package org.onemind.compliance.rules;

public enum Practice {
    PARTNERSHIP,
    POLICY,
    MHFA,
    CIT
}
