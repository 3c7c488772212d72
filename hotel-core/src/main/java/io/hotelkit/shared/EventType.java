package io.hotelkit.shared;

/** Every kind of change the domain records. The {@linkplain #code() code} is the wire name. */
public enum EventType {
    PROPERTY_CREATED("property.created", "property"),
    PROPERTY_BUSINESS_DATE_CHANGED("property.business_date_changed", "property"),
    ROOM_TYPE_CREATED("room_type.created", "room_type"),
    ROOM_TYPE_OVERBOOKING_SET("room_type.overbooking_set", "room_type"),
    ROOM_CREATED("room.created", "room"),
    ROOM_HOUSEKEEPING_CHANGED("room.housekeeping_changed", "room"),
    ROOM_OUT_OF_ORDER("room.out_of_order", "room"),
    ROOM_BACK_IN_ORDER("room.back_in_order", "room"),
    RATE_PLAN_CREATED("rate_plan.created", "rate_plan"),
    RATES_CHANGED("rate_plan.rates_changed", "rate_plan"),
    BLOCK_CREATED("block.created", "block"),
    BLOCK_RELEASED("block.released", "block"),
    BLOCK_CANCELLED("block.cancelled", "block"),
    BOOKING_CREATED("booking.created", "booking"),
    BOOKING_MODIFIED("booking.modified", "booking"),
    BOOKING_ROOM_ASSIGNED("booking.room_assigned", "booking"),
    BOOKING_CANCELLED("booking.cancelled", "booking"),
    BOOKING_CHECKED_IN("booking.checked_in", "booking"),
    BOOKING_CHECKED_OUT("booking.checked_out", "booking"),
    BOOKING_NO_SHOW("booking.no_show", "booking"),
    GUEST_REGISTERED("guest.registered", "guest"),
    GUEST_UPDATED("guest.updated", "guest"),
    GUEST_ERASED("guest.erased", "guest"),
    CHARGE_POSTED("folio.charge_posted", "folio"),
    PAYMENT_CAPTURED("payment.captured", "payment"),
    PAYMENT_DECLINED("payment.declined", "payment"),
    PAYMENT_REFUNDED("payment.refunded", "payment"),
    INVOICE_ISSUED("invoice.issued", "invoice"),
    CREDIT_NOTE_ISSUED("invoice.credit_note_issued", "invoice"),
    FOLIO_WINDOW_OPENED("folio.window_opened", "folio"),
    FOLIO_ROUTING_SET("folio.routing_set", "folio"),
    CHARGE_MOVED("folio.charge_moved", "folio"),
    LINE_VOIDED("folio.line_voided", "folio"),
    ALLOWANCE_POSTED("folio.allowance_posted", "folio"),
    COMPANY_CREATED("company.created", "company"),
    COMPANY_UPDATED("company.updated", "company"),
    COMPANY_DELETED("company.deleted", "company"),
    COMPANY_INVOICED("company.invoiced", "company"),
    COMPANY_PAYMENT_RECORDED("company.payment_recorded", "company"),
    LOYALTY_POINTS_CHANGED("loyalty.points_changed", "guest"),
    NIGHT_AUDIT_COMPLETED("night_audit.completed", "property"),
    WEBHOOK_DISABLED("webhook.disabled", "webhook");

    private final String code;
    private final String entity;

    EventType(String code, String entity) {
        this.code = code;
        this.entity = entity;
    }

    public String code() {
        return code;
    }

    /** The kind of thing the event is about, as the audit trail names it. */
    public String entity() {
        return entity;
    }

    public static EventType ofCode(String code) {
        for (EventType type : values()) {
            if (type.code.equals(code)) {
                return type;
            }
        }
        throw new IllegalArgumentException("no event type '" + code + "'");
    }
}
