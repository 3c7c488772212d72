/**
 * hotelkit's forecasting: the chance that a booking is cancelled or does not show, learned from a property's
 * own bookings, net demand per night and room type, and an overbooking allowance. Its one package is API;
 * implementation parts in it are package-private (docs/DESIGN.md, "Modules, exports and the SPI").
 */
module io.hotelkit.forecast {
    requires transitive io.hotelkit;
    requires static org.jspecify;
    // XGBoost4J is an automatic module (its jar names itself ml.dmlc.xgboost4j); it reads what it needs of
    // its own dependencies (Scala, Kryo, commons-logging) from the class path.
    requires ml.dmlc.xgboost4j;

    exports io.hotelkit.forecast;
}
