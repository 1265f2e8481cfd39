package io.kontor.events.correspondence;

/** How a customer's enquiry reached the front desk: by phone, e-mail, in person at the desk, or the web form. */
public enum EnquiryChannel {
    PHONE, EMAIL, WALK_IN, WEB
}
