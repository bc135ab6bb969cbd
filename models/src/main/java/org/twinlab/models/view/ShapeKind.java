package org.twinlab.models.view;

/** The primitive solids the viewer builds procedurally. */
public enum ShapeKind { BOX, CYLINDER, SPHERE }
