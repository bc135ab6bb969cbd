package org.twinlab.scenarios.score;

import org.twinlab.models.Localized;

/** One function of the level's weight table (platform O&M, testing, …) and its score in percent. */
public record FunctionScore(String function, Localized name, int weight, Double percent) {}
