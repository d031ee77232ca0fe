package org.onemind.compliance.evaluation;

import java.util.List;
import java.util.UUID;
import org.onemind.compliance.rules.ExpiryForecast;

/** The practices whose certifications expire within the window, and when each would become unmet. */
public record ExpiringResponse(UUID agencyId, int withinDays, List<ExpiryForecast.Risk> practices) {}
