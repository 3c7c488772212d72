package io.hotelkit.access;

/** What an API key may do. Which operations each role may call is the server's routing's to say. */
public enum Role {
    /** Everything, properties and keys included. */
    ADMIN,
    /** Property set-up, rates, night audit, reports. */
    MANAGER,
    /** Bookings, guests, stays, folios, payments, invoices. */
    FRONT_DESK,
    /** Room housekeeping status only. */
    HOUSEKEEPING,
    /** Availability, and creating, reading and cancelling its own bookings. */
    CHANNEL,
    /** Reading everything, reports included; changing nothing. */
    AUDITOR
}
