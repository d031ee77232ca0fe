package org.onemind.platform.contract;

/** Whether an unmet practice, at the agency's recent pace, will be met by the pledge's target date. */
public enum ForecastStatus {
    /** At the recent pace the practice is met on or before the target date. */
    ON_PACE,
    /** At the recent pace the practice is met, but after the target date. */
    AT_RISK,
    /** No pace to project: the shortfall did not shrink over the window, or there is no history yet. */
    NO_PROGRESS
}
