package org.twinlab.runtime.twin;

/**
 * The twin application's run state (standard clause L5 3.1.3: start, pause and stop). LOADED:
 * deployed, not yet started. PAUSED keeps connections but applies no samples and no writes.
 */
public enum Lifecycle { LOADED, RUNNING, PAUSED, STOPPED }
