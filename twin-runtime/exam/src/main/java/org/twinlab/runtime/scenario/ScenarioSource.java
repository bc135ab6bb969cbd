package org.twinlab.runtime.scenario;

/**
 * A scenario's text as it was written: the file it came from, the YAML, and whether it is one of
 * the shipped library's (read-only: an edit of it is kept under another id).
 */
public record ScenarioSource(String id, String file, String yaml, boolean library) {}
