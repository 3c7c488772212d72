package io.hotelkit.billing;

/** How a guest pays. Only cards go through the payment gateway. */
public enum PaymentMethod {
    CARD,
    CASH,
    BANK_TRANSFER,
    LOYALTY_POINTS
}
