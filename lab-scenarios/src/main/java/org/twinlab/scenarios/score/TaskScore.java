package org.twinlab.scenarios.score;

/** A task's share of its checks' points, in percent of the points that are scored (null when none is). */
public record TaskScore(String task, double weight, double earned, double possible, Double percent) {}
