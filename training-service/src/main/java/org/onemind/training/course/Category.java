package org.onemind.training.course;

/** The practices a course can satisfy (RULES.md, "Courses and equivalence"). */
public enum Category {
    MHFA,
    CIT
}
