package io.kontor.events.hr;

/** Why an employee is away. */
public enum AbsenceKind {
    VACATION, SICK, OTHER
}
