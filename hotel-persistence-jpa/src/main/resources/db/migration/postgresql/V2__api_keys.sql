-- API keys: only the SHA-256 of a key is stored, and it is how a request finds its key.
create table api_keys (
    id          varchar(64)  not null primary key,
    name        varchar(200) not null,
    role        varchar(16)  not null,
    hash        varchar(128) not null,
    created_at  timestamp with time zone not null,
    revoked_at  timestamp with time zone,
    constraint api_keys_hash_unique unique (hash)
);

-- The properties a key may see; none for all of them.
create table api_key_properties (
    api_key_id   varchar(64) not null references api_keys (id) on delete cascade,
    property_id  varchar(64) not null,
    primary key (api_key_id, property_id)
);
