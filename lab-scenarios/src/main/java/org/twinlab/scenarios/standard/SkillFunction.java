package org.twinlab.scenarios.standard;

import org.twinlab.models.Localized;

/**
 * A vocational function of one level (platform O&M, testing, ...) and its share of the practical
 * score. The same key keeps its meaning across levels; its number does not.
 */
public record SkillFunction(Level level, int number, String key, int weight, Localized name) {}
