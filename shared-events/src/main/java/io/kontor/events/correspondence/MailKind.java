package io.kontor.events.correspondence;

/**
 * What came in the post. A {@code DOCUMENT} is paper kept for the record (contracts, bills, authority letters): it
 * may be registered straight for the archive without being delivered first. A {@code PARCEL} is goods, never archived.
 */
public enum MailKind {
    LETTER, PARCEL, DOCUMENT
}
