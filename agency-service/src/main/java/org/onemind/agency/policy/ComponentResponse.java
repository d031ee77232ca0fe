package org.onemind.agency.policy;

/** A component a model policy may have, with the words the campaign uses for it. */
public record ComponentResponse(PolicyComponent code, String label) {}
