package org.twinlab.models;

/** An alarm the twin raises while its condition holds. */
public record AlarmDef(String id, AlarmCondition condition, String conditionText, Severity severity, Localized message) {}
