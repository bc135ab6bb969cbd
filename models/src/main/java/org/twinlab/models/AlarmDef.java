package org.twinlab.models;

import org.twinlab.models.condition.Condition;

/** An alarm the twin raises while its condition holds. */
public record AlarmDef(String id, Condition condition, String conditionText, Severity severity, Localized message) {}
