package io.hotelkit.jpa.testing;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a statement the store sent would go to one shard of a database sharded by property
 * (docs/SCALING.md): every per-property table it names is pinned to one property, by {@code property_id = ?}
 * in its WHERE clause, by a join on {@code property_id} to a table that is, or by the property_id among the
 * columns it inserts. Tables that are not per property are exempt, each for the reason {@link #EXEMPT} gives.
 * A minimal parser of what Hibernate and the repositories write, not of SQL at large: it reads table
 * names after FROM, JOIN, INTO, UPDATE and MERGE INTO with their aliases, and the equalities on property_id.
 */
public final class ShardRouting {

    /** Distributed by property_id, co-located: every statement on them must name one property. */
    public static final Set<String> PER_PROPERTY = Set.of(
            "room_types", "rooms", "room_out_of_order", "rate_plans", "nightly_rates", "blocks",
            "type_nights", "block_nights", "room_nights",
            "bookings", "folios", "folio_lines", "folio_windows", "folio_window_lines", "companies", "company_entries", "payments", "payment_refunds", "invoices", "invoice_lines",
            "invoice_numbers", "webhook_subscriptions", "webhook_deliveries", "webhook_redeliveries");

    /** Not per property, and why a statement on them need not name one (docs/SCALING.md). */
    public static final Map<String, String> EXEMPT = exempt();

    private static Map<String, String> exempt() {
        Map<String, String> exempt = new LinkedHashMap<>();
        exempt.put("properties", "reference table: 5,000 rows of a chain, on every node, read by every request");
        exempt.put("api_keys", "reference table: a request's key is checked on whichever node it arrives");
        exempt.put("api_key_properties", "reference table, with api_keys");
        exempt.put("guests", "reference table: a guest is the chain's, and stays at properties on any shard");
        exempt.put("loyalty_accounts", "reference table, with guests");
        exempt.put("loyalty_entries", "reference table, with guests");
        exempt.put("idempotency_keys", "distributed by its own key (scope, idem_key), not co-located with a property");
        exempt.put("outbox_events", "the event stream: its inserts carry property_id, checked below; its readers cross shards");
        exempt.put("outbox_position", "the stream's one counter row: crosses shards (docs/SCALING.md)");
        return exempt;
    }

    /**
     * The statements that cross shards on purpose, each for the reason given: not a property's request but
     * the chain's. Nothing else may.
     */
    public static final Map<Pattern, String> CROSS_SHARD = Map.of(
            Pattern.compile("^select [^;]* from bookings (\\w+) where \\1\\.id>\\? and \\1\\.guest_id=\\? order by \\1\\.id fetch first \\? rows only$"),
            "a guest's bookings at every property (the guest's export and erasure, GET /guests/{id}/export, "
                    + "DELETE /guests/{id}): a read of every shard, by the index bookings_by_guest on each");

    /** Why the statement crosses shards, if it is one of {@link #CROSS_SHARD}. */
    public static java.util.Optional<String> crossShard(String statement) {
        String sql = statement.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
        return CROSS_SHARD.entrySet().stream().filter(entry -> entry.getKey().matcher(sql).matches())
                .map(Map.Entry::getValue).findFirst();
    }

    private static final Pattern TABLE = Pattern.compile(
            "\\b(from|join|into|update|merge into)\\s+(\\w+)(?:\\s+(?:as\\s+)?(?!where\\b|on\\b|set\\b|using\\b|left\\b|join\\b|inner\\b|order\\b|for\\b|values\\b|select\\b)(\\w+))?");
    private static final Pattern MERGE_SOURCE = Pattern.compile(
            "^merge into \\w+ \\w+ using \\(select cast\\(\\? as varchar\\(\\d+\\)\\) property_id\\b.*?\\) (\\w+) on ");
    private static final Pattern INSERT_COLUMNS = Pattern.compile("^(?:with \\w+ as \\( ?)?insert into (\\w+)\\s*(?:as\\s+\\w+\\s*)?\\(([^)]*)\\)");

    private ShardRouting() {}

    /** What is wrong with the statement, or an empty list if it routes to one shard. */
    public static List<String> problems(String statement) {
        String sql = statement.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
        List<String> problems = new ArrayList<>();
        if (crossShard(sql).isPresent()) {
            return problems;
        }
        if (!sql.matches("^(select|insert|update|delete|merge|with)\\b.*")) {
            return problems; // session set-up (set lock_timeout), savepoints
        }
        Map<String, String> aliases = new LinkedHashMap<>(); // alias -> table
        Matcher table = TABLE.matcher(sql);
        while (table.find()) {
            String name = table.group(2);
            if (!PER_PROPERTY.contains(name) && !EXEMPT.containsKey(name)) {
                if (name.matches("(select|set|of|dual|table|values|unnest)")) {
                    continue;
                }
                problems.add("names table '" + name + "', neither per property nor listed as exempt");
                continue;
            }
            aliases.put(table.group(3) == null ? name : table.group(3), name);
        }
        Matcher insert = INSERT_COLUMNS.matcher(sql);
        if (insert.find()) {
            String name = insert.group(1);
            if ((PER_PROPERTY.contains(name) || name.equals("outbox_events"))
                    && !List.of(insert.group(2).replace(" ", "").split(",")).contains("property_id")) {
                problems.add("inserts into " + name + " without property_id");
            }
            aliases.values().removeIf(name::equals); // the insert's own table is pinned by its values
        }
        Set<String> pinned = new HashSet<>();
        // MERGE ... USING (SELECT CAST(? AS ...) property_id, ...) s: the source row's property is a parameter
        Matcher source = MERGE_SOURCE.matcher(sql);
        if (source.find()) {
            pinned.add(source.group(1));
        }
        for (Map.Entry<String, String> entry : aliases.entrySet()) {
            String alias = entry.getKey();
            String qualifier = alias.equals(entry.getValue()) ? "(?:\\b" + Pattern.quote(alias) + "\\.|(?<![\\w.]))" : "\\b" + Pattern.quote(alias) + "\\.";
            if (Pattern.compile(qualifier + "property_id\\s*=\\s*\\?").matcher(sql).find()
                    // Hibernate's load by a composite key: (a.property_id, a.id) in ((?, ?)), one key only
                    || Pattern.compile("\\(" + qualifier + "property_id\\s*,[^)]*\\)\\s+in\\s+\\(\\([?,\\s]*\\)\\)").matcher(sql).find()
                    || Pattern.compile("\\?\\s*=\\s*" + qualifier + "property_id\\b").matcher(sql).find()) {
                pinned.add(alias);
            }
        }
        // a table joined on property_id to a pinned one is pinned too
        boolean grew = true;
        while (grew) {
            grew = false;
            for (String alias : aliases.keySet()) {
                if (pinned.contains(alias)) {
                    continue;
                }
                for (String other : Set.copyOf(pinned)) {
                    String a = Pattern.quote(alias) + "\\.property_id";
                    String b = Pattern.quote(other) + "\\.property_id";
                    if (Pattern.compile("\\b" + a + "\\s*=\\s*" + b + "\\b|\\b" + b + "\\s*=\\s*" + a + "\\b").matcher(sql).find()) {
                        pinned.add(alias);
                        grew = true;
                        break;
                    }
                }
            }
        }
        aliases.forEach((alias, name) -> {
            if (PER_PROPERTY.contains(name) && !pinned.contains(alias)) {
                problems.add("reads or writes " + name + (alias.equals(name) ? "" : " (" + alias + ")") + " without property_id = ?");
            }
        });
        return problems;
    }
}
