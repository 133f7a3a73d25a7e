--
-- PostgreSQL database dump
--

\restrict Lm9kZHnFdE9zmgAzLqgIU3WuONDqiYqxoAqjpWa7TljKhpVeHiZzkr4hHl9KEwV

-- Dumped from database version 15.18 (Debian 15.18-0+deb12u1)
-- Dumped by pg_dump version 15.18 (Debian 15.18-0+deb12u1)

SET statement_timeout = 0;
SET lock_timeout = 0;
SET idle_in_transaction_session_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', '', false);
SET check_function_bodies = false;
SET xmloption = content;
SET client_min_messages = warning;
SET row_security = off;

--
-- Name: digest_buckets_lookup_counts(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.digest_buckets_lookup_counts() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO digest_buckets AS b (kind, bucket, records, digest)
        SELECT 'c', left(md5(name_key), 4), count(*), coalesce(bit_xor(digest_hash_count(origin, name_key, count, last_lookup_at)), 0)
        FROM new_rows GROUP BY 2 ORDER BY 2
        ON CONFLICT (kind, bucket) DO UPDATE
            SET records = b.records + excluded.records, digest = b.digest # excluded.digest;
    ELSIF TG_OP = 'UPDATE' THEN
        INSERT INTO digest_buckets AS b (kind, bucket, records, digest)
        SELECT 'c', bucket, sum(delta), coalesce(bit_xor(h), 0) FROM (
            SELECT left(md5(name_key), 4) AS bucket, 1 AS delta, digest_hash_count(origin, name_key, count, last_lookup_at) AS h FROM new_rows
            UNION ALL
            SELECT left(md5(name_key), 4), -1, digest_hash_count(origin, name_key, count, last_lookup_at) FROM old_rows
        ) AS changed GROUP BY bucket ORDER BY bucket
        ON CONFLICT (kind, bucket) DO UPDATE
            SET records = b.records + excluded.records, digest = b.digest # excluded.digest;
    ELSE
        UPDATE digest_buckets AS b SET records = b.records - d.records, digest = b.digest # d.digest
        FROM (
            SELECT left(md5(name_key), 4) AS bucket, count(*) AS records, coalesce(bit_xor(digest_hash_count(origin, name_key, count, last_lookup_at)), 0) AS digest
            FROM old_rows GROUP BY 1 ORDER BY 1
        ) AS d
        WHERE b.kind = 'c' AND b.bucket = d.bucket;
    END IF;
    RETURN NULL;
END $$;


--
-- Name: digest_buckets_node_records(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.digest_buckets_node_records() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO digest_buckets AS b (kind, bucket, records, digest)
        SELECT 'n', left(md5(origin), 4), count(*), coalesce(bit_xor(digest_hash_node(origin, name, url, software_version, recorded_at)), 0)
        FROM new_rows GROUP BY 2 ORDER BY 2
        ON CONFLICT (kind, bucket) DO UPDATE
            SET records = b.records + excluded.records, digest = b.digest # excluded.digest;
    ELSIF TG_OP = 'UPDATE' THEN
        INSERT INTO digest_buckets AS b (kind, bucket, records, digest)
        SELECT 'n', bucket, sum(delta), coalesce(bit_xor(h), 0) FROM (
            SELECT left(md5(origin), 4) AS bucket, 1 AS delta, digest_hash_node(origin, name, url, software_version, recorded_at) AS h FROM new_rows
            UNION ALL
            SELECT left(md5(origin), 4), -1, digest_hash_node(origin, name, url, software_version, recorded_at) FROM old_rows
        ) AS changed GROUP BY bucket ORDER BY bucket
        ON CONFLICT (kind, bucket) DO UPDATE
            SET records = b.records + excluded.records, digest = b.digest # excluded.digest;
    ELSE
        UPDATE digest_buckets AS b SET records = b.records - d.records, digest = b.digest # d.digest
        FROM (
            SELECT left(md5(origin), 4) AS bucket, count(*) AS records, coalesce(bit_xor(digest_hash_node(origin, name, url, software_version, recorded_at)), 0) AS digest
            FROM old_rows GROUP BY 1 ORDER BY 1
        ) AS d
        WHERE b.kind = 'n' AND b.bucket = d.bucket;
    END IF;
    RETURN NULL;
END $$;


--
-- Name: digest_buckets_profiles(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.digest_buckets_profiles() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO digest_buckets AS b (kind, bucket, records, digest)
        SELECT 'p', left(md5(name_key), 4), count(*), coalesce(bit_xor(digest_hash_profile(name_key, display_name, uuid, resolved_at, origin, avatar_sha256)), 0)
        FROM new_rows GROUP BY 2 ORDER BY 2
        ON CONFLICT (kind, bucket) DO UPDATE
            SET records = b.records + excluded.records, digest = b.digest # excluded.digest;
    ELSIF TG_OP = 'UPDATE' THEN
        INSERT INTO digest_buckets AS b (kind, bucket, records, digest)
        SELECT 'p', bucket, sum(delta), coalesce(bit_xor(h), 0) FROM (
            SELECT left(md5(name_key), 4) AS bucket, 1 AS delta, digest_hash_profile(name_key, display_name, uuid, resolved_at, origin, avatar_sha256) AS h FROM new_rows
            UNION ALL
            SELECT left(md5(name_key), 4), -1, digest_hash_profile(name_key, display_name, uuid, resolved_at, origin, avatar_sha256) FROM old_rows
        ) AS changed GROUP BY bucket ORDER BY bucket
        ON CONFLICT (kind, bucket) DO UPDATE
            SET records = b.records + excluded.records, digest = b.digest # excluded.digest;
    ELSE
        UPDATE digest_buckets AS b SET records = b.records - d.records, digest = b.digest # d.digest
        FROM (
            SELECT left(md5(name_key), 4) AS bucket, count(*) AS records, coalesce(bit_xor(digest_hash_profile(name_key, display_name, uuid, resolved_at, origin, avatar_sha256)), 0) AS digest
            FROM old_rows GROUP BY 1 ORDER BY 1
        ) AS d
        WHERE b.kind = 'p' AND b.bucket = d.bucket;
    END IF;
    RETURN NULL;
END $$;


--
-- Name: digest_hash(text); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.digest_hash(text) RETURNS bigint
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN ((('x'::text || "left"(md5($1), 16)))::bit(64))::bigint;


--
-- Name: digest_micros(timestamp with time zone); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.digest_micros(timestamp with time zone) RETURNS bigint
    LANGUAGE sql STABLE PARALLEL SAFE
    RETURN ((EXTRACT(epoch FROM $1) * (1000000)::numeric))::bigint;


--
-- Name: digest_hash_count(text, text, bigint, timestamp with time zone); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.digest_hash_count(text, text, bigint, timestamp with time zone) RETURNS bigint
    LANGUAGE sql STABLE PARALLEL SAFE
    RETURN public.digest_hash(((((((('c|'::text || $1) || '|'::text) || $2) || '|'::text) || $3) || '|'::text) || public.digest_micros($4)));


--
-- Name: digest_hash_node(text, text, text, text, timestamp with time zone); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.digest_hash_node(text, text, text, text, timestamp with time zone) RETURNS bigint
    LANGUAGE sql STABLE PARALLEL SAFE
    RETURN public.digest_hash(((((((((('n|'::text || $1) || '|'::text) || $2) || '|'::text) || COALESCE($3, ''::text)) || '|'::text) || $4) || '|'::text) || public.digest_micros($5)));


--
-- Name: digest_hash_profile(text, text, text, timestamp with time zone, text, text); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.digest_hash_profile(text, text, text, timestamp with time zone, text, text) RETURNS bigint
    LANGUAGE sql STABLE PARALLEL SAFE
    RETURN public.digest_hash(((((((((((('p|'::text || $1) || '|'::text) || $2) || '|'::text) || $3) || '|'::text) || public.digest_micros($4)) || '|'::text) || $5) || '|'::text) || COALESCE($6, ''::text)));


--
-- Name: name_totals_deleted(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.name_totals_deleted() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    UPDATE name_totals AS t SET total = t.total - d.removed
    FROM (SELECT name_key, sum(count) AS removed FROM old_rows GROUP BY name_key ORDER BY name_key) AS d
    WHERE t.name_key = d.name_key;
    DELETE FROM name_totals t USING (SELECT DISTINCT name_key FROM old_rows) AS d
    WHERE t.name_key = d.name_key AND t.total <= 0;
    RETURN NULL;
END $$;


--
-- Name: name_totals_inserted(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.name_totals_inserted() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    INSERT INTO name_totals AS t (name_key, total, last_lookup_at)
    SELECT name_key, sum(count), max(last_lookup_at) FROM new_rows GROUP BY name_key ORDER BY name_key
    ON CONFLICT (name_key) DO UPDATE SET total = t.total + excluded.total,
        last_lookup_at = greatest(t.last_lookup_at, excluded.last_lookup_at);
    RETURN NULL;
END $$;


--
-- Name: name_totals_updated(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.name_totals_updated() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    UPDATE name_totals AS t SET total = t.total + d.delta,
        last_lookup_at = greatest(t.last_lookup_at, d.last_lookup_at)
    FROM (
        SELECT n.name_key, sum(n.count::numeric - o.count) AS delta, max(n.last_lookup_at) AS last_lookup_at
        FROM new_rows n JOIN old_rows o ON o.origin = n.origin AND o.name_key = n.name_key
        GROUP BY n.name_key ORDER BY n.name_key
    ) AS d
    WHERE t.name_key = d.name_key;
    RETURN NULL;
END $$;


--
-- Name: notify_heads_changes(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.notify_heads_changes() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    IF coalesce(current_setting('heads.quiet', true), '') <> 'on'
       AND EXISTS (SELECT 1 FROM changed_rows) THEN
        PERFORM pg_notify('heads_changes', '');
    END IF;
    RETURN NULL;
END $$;


SET default_tablespace = '';

SET default_table_access_method = heap;

--
-- Name: avatars; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.avatars (
    sha256 text NOT NULL,
    png bytea NOT NULL,
    stored_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT avatars_png_check CHECK ((octet_length(png) <= 262144))
);


--
-- Name: change_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.change_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: digest_buckets; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.digest_buckets (
    kind text NOT NULL,
    bucket text NOT NULL COLLATE pg_catalog."C",
    records bigint NOT NULL,
    digest bigint NOT NULL
);


--
-- Name: feed_epoch; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.feed_epoch (
    singleton boolean DEFAULT true NOT NULL,
    epoch text NOT NULL,
    database_identity text NOT NULL,
    xid_high bigint NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT feed_epoch_singleton_check CHECK (singleton)
);


--
-- Name: lookup_counts; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.lookup_counts (
    origin text NOT NULL,
    name_key text NOT NULL,
    count bigint NOT NULL,
    last_lookup_at timestamp with time zone NOT NULL,
    signature text,
    seq bigint DEFAULT nextval('public.change_seq'::regclass) NOT NULL,
    xid xid8 DEFAULT pg_current_xact_id() NOT NULL,
    CONSTRAINT lookup_counts_count_check CHECK ((count >= 0))
);


--
-- Name: name_totals; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.name_totals (
    name_key text NOT NULL,
    total numeric NOT NULL,
    last_lookup_at timestamp with time zone NOT NULL
);


--
-- Name: node_identity; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.node_identity (
    singleton boolean DEFAULT true NOT NULL,
    node_id text NOT NULL,
    private_key bytea NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT node_identity_singleton_check CHECK (singleton)
);


--
-- Name: node_records; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.node_records (
    origin text NOT NULL,
    name text NOT NULL,
    url text,
    software_version text NOT NULL,
    recorded_at timestamp with time zone NOT NULL,
    signature text,
    seq bigint DEFAULT nextval('public.change_seq'::regclass) NOT NULL,
    xid xid8 DEFAULT pg_current_xact_id() NOT NULL
);


--
-- Name: origin_sources; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.origin_sources (
    origin text NOT NULL,
    neighbour text NOT NULL
);


--
-- Name: origins; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.origins (
    origin text NOT NULL,
    first_neighbour text,
    first_seen_at timestamp with time zone DEFAULT now() NOT NULL
);


--
-- Name: peers; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.peers (
    node_id text NOT NULL,
    name text DEFAULT ''::text NOT NULL,
    address text DEFAULT ''::text NOT NULL,
    checkpoint text DEFAULT '0'::text NOT NULL,
    state text DEFAULT 'discovered'::text NOT NULL,
    last_success_at timestamp with time zone,
    last_error text,
    last_error_at timestamp with time zone,
    lag bigint DEFAULT 0 NOT NULL,
    merged_total bigint DEFAULT 0 NOT NULL,
    rejected_total bigint DEFAULT 0 NOT NULL,
    last_seen_at timestamp with time zone DEFAULT now() NOT NULL,
    state_reason text,
    lease_holder text,
    lease_until timestamp with time zone,
    checkpoint_epoch text
);


--
-- Name: player_heads; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.player_heads (
    uuid text NOT NULL,
    sha256 text NOT NULL
);


--
-- Name: profiles; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.profiles (
    name_key text NOT NULL,
    display_name text NOT NULL,
    uuid text NOT NULL,
    resolved_at timestamp with time zone NOT NULL,
    origin text NOT NULL,
    avatar_sha256 text,
    signature text,
    seq bigint DEFAULT nextval('public.change_seq'::regclass) NOT NULL,
    xid xid8 DEFAULT pg_current_xact_id() NOT NULL
);


--
-- Name: purges; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.purges (
    origin text NOT NULL,
    purged_at timestamp with time zone DEFAULT now() NOT NULL,
    counts_removed bigint NOT NULL,
    profiles_removed bigint NOT NULL,
    reason text NOT NULL
);


--
-- Name: rejections; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.rejections (
    neighbour text NOT NULL,
    reason text NOT NULL,
    total bigint DEFAULT 0 NOT NULL,
    last_at timestamp with time zone DEFAULT now() NOT NULL
);


--
-- Name: schema_migrations; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.schema_migrations (
    name text NOT NULL,
    applied_at timestamp with time zone DEFAULT now() NOT NULL
);


--
-- Data for Name: avatars; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.avatars VALUES ('2d3a4744ceebe9b2676612017e2a04f8aed891f348b0f2a1798ec6f5f3335a00', '\x89504e470d0a1a0a0000000d4948445200000040000000400802000000250be6890000304b494441547801014030bfcf00677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d0400677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d0400677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d0400677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d0400677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d0400677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d0400677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d0400677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d0400677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d0400677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d0400677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d0400677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d0400677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d0400677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d0400677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d0400677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d04677d0400677d04677d04677d04677d04677d04677d04677d04677d04bd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855a677d04677d04677d04677d04677d04677d04677d04677d0400677d04677d04677d04677d04677d04677d04677d04677d04bd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855a677d04677d04677d04677d04677d04677d04677d04677d0400677d04677d04677d04677d04677d04677d04677d04677d04bd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855a677d04677d04677d04677d04677d04677d04677d04677d0400677d04677d04677d04677d04677d04677d04677d04677d04bd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855a677d04677d04677d04677d04677d04677d04677d04677d0400677d04677d04677d04677d04677d04677d04677d04677d04bd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855a677d04677d04677d04677d04677d04677d04677d04677d0400677d04677d04677d04677d04677d04677d04677d04677d04bd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855a677d04677d04677d04677d04677d04677d04677d04677d0400677d04677d04677d04677d04677d04677d04677d04677d04bd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855a677d04677d04677d04677d04677d04677d04677d04677d0400677d04677d04677d04677d04677d04677d04677d04677d04bd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855a677d04677d04677d04677d04677d04677d04677d04677d0400bd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855a00bd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855a00bd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855a00bd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855a00bd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855a00bd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855a00bd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855a00bd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855a00bd855abd855abd855abd855abd855abd855abd855abd855af0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0efa66aefa66aefa66aefa66aefa66aefa66aefa66aefa66abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855aefa66aefa66aefa66aefa66aefa66aefa66aefa66aefa66af0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0bd855abd855abd855abd855abd855abd855abd855abd855a00bd855abd855abd855abd855abd855abd855abd855abd855af0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0efa66aefa66aefa66aefa66aefa66aefa66aefa66aefa66abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855aefa66aefa66aefa66aefa66aefa66aefa66aefa66aefa66af0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0bd855abd855abd855abd855abd855abd855abd855abd855a00bd855abd855abd855abd855abd855abd855abd855abd855af0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0efa66aefa66aefa66aefa66aefa66aefa66aefa66aefa66abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855aefa66aefa66aefa66aefa66aefa66aefa66aefa66aefa66af0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0bd855abd855abd855abd855abd855abd855abd855abd855a00bd855abd855abd855abd855abd855abd855abd855abd855af0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0efa66aefa66aefa66aefa66aefa66aefa66aefa66aefa66abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855aefa66aefa66aefa66aefa66aefa66aefa66aefa66aefa66af0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0bd855abd855abd855abd855abd855abd855abd855abd855a00bd855abd855abd855abd855abd855abd855abd855abd855af0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0efa66aefa66aefa66aefa66aefa66aefa66aefa66aefa66abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855aefa66aefa66aefa66aefa66aefa66aefa66aefa66aefa66af0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0bd855abd855abd855abd855abd855abd855abd855abd855a00bd855abd855abd855abd855abd855abd855abd855abd855af0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0efa66aefa66aefa66aefa66aefa66aefa66aefa66aefa66abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855aefa66aefa66aefa66aefa66aefa66aefa66aefa66aefa66af0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0bd855abd855abd855abd855abd855abd855abd855abd855a00bd855abd855abd855abd855abd855abd855abd855abd855af0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0efa66aefa66aefa66aefa66aefa66aefa66aefa66aefa66abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855aefa66aefa66aefa66aefa66aefa66aefa66aefa66aefa66af0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0bd855abd855abd855abd855abd855abd855abd855abd855a00bd855abd855abd855abd855abd855abd855abd855abd855af0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0efa66aefa66aefa66aefa66aefa66aefa66aefa66aefa66abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855aefa66aefa66aefa66aefa66aefa66aefa66aefa66aefa66af0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0bd855abd855abd855abd855abd855abd855abd855abd855a00bd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855a00bd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855a00bd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855a00bd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855a00bd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855a00bd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855a00bd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855a00bd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855a00bd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855a5e422d5e422d5e422d5e422d5e422d5e422d5e422d5e422d5e422d5e422d5e422d5e422d5e422d5e422d5e422d5e422dbd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855a00bd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855a5e422d5e422d5e422d5e422d5e422d5e422d5e422d5e422d5e422d5e422d5e422d5e422d5e422d5e422d5e422d5e422dbd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855a00bd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855a5e422d5e422d5e422d5e422d5e422d5e422d5e422d5e422d5e422d5e422d5e422d5e422d5e422d5e422d5e422d5e422dbd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855a00bd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855a5e422d5e422d5e422d5e422d5e422d5e422d5e422d5e422d5e422d5e422d5e422d5e422d5e422d5e422d5e422d5e422dbd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855a00bd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855a5e422d5e422d5e422d5e422d5e422d5e422d5e422d5e422d5e422d5e422d5e422d5e422d5e422d5e422d5e422d5e422dbd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855a00bd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855a5e422d5e422d5e422d5e422d5e422d5e422d5e422d5e422d5e422d5e422d5e422d5e422d5e422d5e422d5e422d5e422dbd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855a00bd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855a5e422d5e422d5e422d5e422d5e422d5e422d5e422d5e422d5e422d5e422d5e422d5e422d5e422d5e422d5e422d5e422dbd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855a00bd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855a5e422d5e422d5e422d5e422d5e422d5e422d5e422d5e422d5e422d5e422d5e422d5e422d5e422d5e422d5e422d5e422dbd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855a00bd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855a00bd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855a00bd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855a00bd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855a00bd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855a00bd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855a00bd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855a00bd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855abd855a1fecfb4b2350a13c0000000049454e44ae426082', '2026-12-04 13:58:53.873601+00');
INSERT INTO public.avatars VALUES ('806f330645ed234abac691ed45eee12500df0bfa074ff8965c69308f9a44db43', '\x89504e470d0a1a0a0000000d4948445200000040000000400802000000250be6890000304b494441547801014030bfcf007947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d0007947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d0007947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d0007947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d0007947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d0007947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d0007947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d0007947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d0007947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d0007947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d0007947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d0007947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d0007947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d0007947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d0007947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d0007947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d07947d0007947d07947d07947d07947d07947d07947d07947d07947d0ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed87707947d07947d07947d07947d07947d07947d07947d07947d0007947d07947d07947d07947d07947d07947d07947d07947d0ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed87707947d07947d07947d07947d07947d07947d07947d07947d0007947d07947d07947d07947d07947d07947d07947d07947d0ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed87707947d07947d07947d07947d07947d07947d07947d07947d0007947d07947d07947d07947d07947d07947d07947d07947d0ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed87707947d07947d07947d07947d07947d07947d07947d07947d0007947d07947d07947d07947d07947d07947d07947d07947d0ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed87707947d07947d07947d07947d07947d07947d07947d07947d0007947d07947d07947d07947d07947d07947d07947d07947d0ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed87707947d07947d07947d07947d07947d07947d07947d07947d0007947d07947d07947d07947d07947d07947d07947d07947d0ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed87707947d07947d07947d07947d07947d07947d07947d07947d0007947d07947d07947d07947d07947d07947d07947d07947d0ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed87707947d07947d07947d07947d07947d07947d07947d07947d000ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed877000ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed877000ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed877000ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed877000ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed877000ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed877000ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed877000ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed877000ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0e8028ae8028ae8028ae8028ae8028ae8028ae8028ae8028aed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770e8028ae8028ae8028ae8028ae8028ae8028ae8028ae8028af0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed877000ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0e8028ae8028ae8028ae8028ae8028ae8028ae8028ae8028aed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770e8028ae8028ae8028ae8028ae8028ae8028ae8028ae8028af0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed877000ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0e8028ae8028ae8028ae8028ae8028ae8028ae8028ae8028aed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770e8028ae8028ae8028ae8028ae8028ae8028ae8028ae8028af0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed877000ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0e8028ae8028ae8028ae8028ae8028ae8028ae8028ae8028aed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770e8028ae8028ae8028ae8028ae8028ae8028ae8028ae8028af0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed877000ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0e8028ae8028ae8028ae8028ae8028ae8028ae8028ae8028aed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770e8028ae8028ae8028ae8028ae8028ae8028ae8028ae8028af0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed877000ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0e8028ae8028ae8028ae8028ae8028ae8028ae8028ae8028aed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770e8028ae8028ae8028ae8028ae8028ae8028ae8028ae8028af0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed877000ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0e8028ae8028ae8028ae8028ae8028ae8028ae8028ae8028aed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770e8028ae8028ae8028ae8028ae8028ae8028ae8028ae8028af0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed877000ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0e8028ae8028ae8028ae8028ae8028ae8028ae8028ae8028aed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770e8028ae8028ae8028ae8028ae8028ae8028ae8028ae8028af0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed877000ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed877000ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed877000ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed877000ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed877000ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed877000ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed877000ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed877000ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed877000ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770764338764338764338764338764338764338764338764338764338764338764338764338764338764338764338764338ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed877000ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770764338764338764338764338764338764338764338764338764338764338764338764338764338764338764338764338ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed877000ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770764338764338764338764338764338764338764338764338764338764338764338764338764338764338764338764338ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed877000ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770764338764338764338764338764338764338764338764338764338764338764338764338764338764338764338764338ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed877000ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770764338764338764338764338764338764338764338764338764338764338764338764338764338764338764338764338ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed877000ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770764338764338764338764338764338764338764338764338764338764338764338764338764338764338764338764338ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed877000ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770764338764338764338764338764338764338764338764338764338764338764338764338764338764338764338764338ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed877000ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770764338764338764338764338764338764338764338764338764338764338764338764338764338764338764338764338ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed877000ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed877000ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed877000ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed877000ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed877000ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed877000ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed877000ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed877000ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770ed8770f7678c259a1458230000000049454e44ae426082', '2026-12-04 13:58:53.894716+00');
INSERT INTO public.avatars VALUES ('3e9c113d6ef8f8446e1b0f9c686ea30e4519ddfbf1cd8b6a706651d6210f73d5', '\x89504e470d0a1a0a0000000d4948445200000040000000400802000000250be6890000304b494441547801014030bfcf00fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca200fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca200fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca200fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca200fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca200fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca200fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca200fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca200fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca200fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca200fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca200fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca200fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca200fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca200fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca200fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca200fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2c5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cfb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca200fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2c5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cfb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca200fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2c5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cfb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca200fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2c5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cfb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca200fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2c5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cfb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca200fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2c5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cfb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca200fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2c5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cfb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca200fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2c5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cfb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca2fb7ca200c5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798c00c5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798c00c5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798c00c5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798c00c5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798c00c5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798c00c5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798c00c5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798c00c5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cf0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0e9f99be9f99be9f99be9f99be9f99be9f99be9f99be9f99bc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798ce9f99be9f99be9f99be9f99be9f99be9f99be9f99be9f99bf0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0c5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798c00c5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cf0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0e9f99be9f99be9f99be9f99be9f99be9f99be9f99be9f99bc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798ce9f99be9f99be9f99be9f99be9f99be9f99be9f99be9f99bf0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0c5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798c00c5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cf0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0e9f99be9f99be9f99be9f99be9f99be9f99be9f99be9f99bc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798ce9f99be9f99be9f99be9f99be9f99be9f99be9f99be9f99bf0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0c5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798c00c5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cf0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0e9f99be9f99be9f99be9f99be9f99be9f99be9f99be9f99bc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798ce9f99be9f99be9f99be9f99be9f99be9f99be9f99be9f99bf0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0c5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798c00c5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cf0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0e9f99be9f99be9f99be9f99be9f99be9f99be9f99be9f99bc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798ce9f99be9f99be9f99be9f99be9f99be9f99be9f99be9f99bf0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0c5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798c00c5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cf0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0e9f99be9f99be9f99be9f99be9f99be9f99be9f99be9f99bc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798ce9f99be9f99be9f99be9f99be9f99be9f99be9f99be9f99bf0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0c5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798c00c5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cf0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0e9f99be9f99be9f99be9f99be9f99be9f99be9f99be9f99bc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798ce9f99be9f99be9f99be9f99be9f99be9f99be9f99be9f99bf0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0c5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798c00c5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cf0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0e9f99be9f99be9f99be9f99be9f99be9f99be9f99be9f99bc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798ce9f99be9f99be9f99be9f99be9f99be9f99be9f99be9f99bf0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0c5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798c00c5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798c00c5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798c00c5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798c00c5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798c00c5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798c00c5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798c00c5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798c00c5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798c00c5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798c623c46623c46623c46623c46623c46623c46623c46623c46623c46623c46623c46623c46623c46623c46623c46623c46c5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798c00c5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798c623c46623c46623c46623c46623c46623c46623c46623c46623c46623c46623c46623c46623c46623c46623c46623c46c5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798c00c5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798c623c46623c46623c46623c46623c46623c46623c46623c46623c46623c46623c46623c46623c46623c46623c46623c46c5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798c00c5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798c623c46623c46623c46623c46623c46623c46623c46623c46623c46623c46623c46623c46623c46623c46623c46623c46c5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798c00c5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798c623c46623c46623c46623c46623c46623c46623c46623c46623c46623c46623c46623c46623c46623c46623c46623c46c5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798c00c5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798c623c46623c46623c46623c46623c46623c46623c46623c46623c46623c46623c46623c46623c46623c46623c46623c46c5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798c00c5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798c623c46623c46623c46623c46623c46623c46623c46623c46623c46623c46623c46623c46623c46623c46623c46623c46c5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798c00c5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798c623c46623c46623c46623c46623c46623c46623c46623c46623c46623c46623c46623c46623c46623c46623c46623c46c5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798c00c5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798c00c5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798c00c5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798c00c5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798c00c5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798c00c5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798c00c5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798c00c5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798cc5798c7b826ec3cdb8ac680000000049454e44ae426082', '2026-12-04 13:58:53.904709+00');
INSERT INTO public.avatars VALUES ('fd57a61ab1991258ebe8e67f922f8ffc1337080ce92954b085f88f1e63a74559', '\x89504e470d0a1a0a0000000d4948445200000040000000400802000000250be6890000304b494441547801014030bfcf000559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c8000559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c8000559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c8000559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c8000559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c8000559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c8000559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c8000559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c8000559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c8000559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c8000559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c8000559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c8000559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c8000559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c8000559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c8000559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c80559c8000559c80559c80559c80559c80559c80559c80559c80559c8e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e188680559c80559c80559c80559c80559c80559c80559c80559c8000559c80559c80559c80559c80559c80559c80559c80559c8e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e188680559c80559c80559c80559c80559c80559c80559c80559c8000559c80559c80559c80559c80559c80559c80559c80559c8e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e188680559c80559c80559c80559c80559c80559c80559c80559c8000559c80559c80559c80559c80559c80559c80559c80559c8e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e188680559c80559c80559c80559c80559c80559c80559c80559c8000559c80559c80559c80559c80559c80559c80559c80559c8e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e188680559c80559c80559c80559c80559c80559c80559c80559c8000559c80559c80559c80559c80559c80559c80559c80559c8e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e188680559c80559c80559c80559c80559c80559c80559c80559c8000559c80559c80559c80559c80559c80559c80559c80559c8e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e188680559c80559c80559c80559c80559c80559c80559c80559c8000559c80559c80559c80559c80559c80559c80559c80559c8e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e188680559c80559c80559c80559c80559c80559c80559c80559c800e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e1886800e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e1886800e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e1886800e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e1886800e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e1886800e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e1886800e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e1886800e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e1886800e18868e18868e18868e18868e18868e18868e18868e18868f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0d71052d71052d71052d71052d71052d71052d71052d71052e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868d71052d71052d71052d71052d71052d71052d71052d71052f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0e18868e18868e18868e18868e18868e18868e18868e1886800e18868e18868e18868e18868e18868e18868e18868e18868f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0d71052d71052d71052d71052d71052d71052d71052d71052e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868d71052d71052d71052d71052d71052d71052d71052d71052f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0e18868e18868e18868e18868e18868e18868e18868e1886800e18868e18868e18868e18868e18868e18868e18868e18868f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0d71052d71052d71052d71052d71052d71052d71052d71052e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868d71052d71052d71052d71052d71052d71052d71052d71052f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0e18868e18868e18868e18868e18868e18868e18868e1886800e18868e18868e18868e18868e18868e18868e18868e18868f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0d71052d71052d71052d71052d71052d71052d71052d71052e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868d71052d71052d71052d71052d71052d71052d71052d71052f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0e18868e18868e18868e18868e18868e18868e18868e1886800e18868e18868e18868e18868e18868e18868e18868e18868f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0d71052d71052d71052d71052d71052d71052d71052d71052e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868d71052d71052d71052d71052d71052d71052d71052d71052f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0e18868e18868e18868e18868e18868e18868e18868e1886800e18868e18868e18868e18868e18868e18868e18868e18868f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0d71052d71052d71052d71052d71052d71052d71052d71052e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868d71052d71052d71052d71052d71052d71052d71052d71052f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0e18868e18868e18868e18868e18868e18868e18868e1886800e18868e18868e18868e18868e18868e18868e18868e18868f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0d71052d71052d71052d71052d71052d71052d71052d71052e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868d71052d71052d71052d71052d71052d71052d71052d71052f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0e18868e18868e18868e18868e18868e18868e18868e1886800e18868e18868e18868e18868e18868e18868e18868e18868f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0d71052d71052d71052d71052d71052d71052d71052d71052e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868d71052d71052d71052d71052d71052d71052d71052d71052f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0e18868e18868e18868e18868e18868e18868e18868e1886800e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e1886800e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e1886800e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e1886800e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e1886800e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e1886800e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e1886800e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e1886800e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e1886800e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868704434704434704434704434704434704434704434704434704434704434704434704434704434704434704434704434e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e1886800e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868704434704434704434704434704434704434704434704434704434704434704434704434704434704434704434704434e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e1886800e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868704434704434704434704434704434704434704434704434704434704434704434704434704434704434704434704434e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e1886800e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868704434704434704434704434704434704434704434704434704434704434704434704434704434704434704434704434e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e1886800e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868704434704434704434704434704434704434704434704434704434704434704434704434704434704434704434704434e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e1886800e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868704434704434704434704434704434704434704434704434704434704434704434704434704434704434704434704434e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e1886800e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868704434704434704434704434704434704434704434704434704434704434704434704434704434704434704434704434e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e1886800e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868704434704434704434704434704434704434704434704434704434704434704434704434704434704434704434704434e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e1886800e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e1886800e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e1886800e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e1886800e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e1886800e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e1886800e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e1886800e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e1886800e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e18868e188680e0bcef8ad2ac8450000000049454e44ae426082', '2026-12-04 13:58:53.916537+00');


--
-- Data for Name: digest_buckets; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.digest_buckets VALUES ('p', '28f7', 1, -3618625537831511172);
INSERT INTO public.digest_buckets VALUES ('p', '6384', 1, -1416180112733645178);
INSERT INTO public.digest_buckets VALUES ('p', '9f9d', 1, -1506598698773547714);
INSERT INTO public.digest_buckets VALUES ('p', 'a9a0', 1, 974568261354447470);
INSERT INTO public.digest_buckets VALUES ('c', '28f7', 1, 3650545620217356140);
INSERT INTO public.digest_buckets VALUES ('c', '6384', 1, 271231706150760240);
INSERT INTO public.digest_buckets VALUES ('c', '9f9d', 1, 7723694195454346963);
INSERT INTO public.digest_buckets VALUES ('c', 'a9a0', 1, 6896750607769697463);
INSERT INTO public.digest_buckets VALUES ('n', '44f3', 1, 5901563025229213134);


--
-- Data for Name: feed_epoch; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.feed_epoch VALUES (true, '9feb0cc4-5e92-42e0-b18b-c7511c22fd0b', '7715448034883259166/16384', 727, '2026-12-04 13:58:53.8278+00');


--
-- Data for Name: lookup_counts; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.lookup_counts VALUES ('pBePEhTxhr0N3nIij9sBqeDScvBxGLYRP9POjIpraz0', 'alice', 3, '2026-12-04 13:58:53.884924+00', '5qKe1BOlPrExBK1E6VZxdPrMRMNrQAeC-7lAr33tJrdjdmON0lJZ0sj49gOC8j0Zg8IVcbvPSU9B3Rrj6kXABA', 6, '734');
INSERT INTO public.lookup_counts VALUES ('pBePEhTxhr0N3nIij9sBqeDScvBxGLYRP9POjIpraz0', 'bob', 1, '2026-12-04 13:58:53.896423+00', 'rH1__SUqjNpM1frgzZe1nWglfChCtEqbiNB3n4H9zrByB04hUpD7Ym1O_3HqkDoHNBUuobg92NBYEdpWMoKJDQ', 9, '738');
INSERT INTO public.lookup_counts VALUES ('pBePEhTxhr0N3nIij9sBqeDScvBxGLYRP9POjIpraz0', 'carol', 2, '2026-12-04 13:58:53.908388+00', 'Ez6BUXfmo7WOoGTUe3ymyTgki3cGKIjlo-s1vk-WcjmzaFY7vXBM2m6_gK50a5XUQW5xGXPKJ2ZWNAxGkaB9Aw', 13, '743');
INSERT INTO public.lookup_counts VALUES ('pBePEhTxhr0N3nIij9sBqeDScvBxGLYRP9POjIpraz0', 'dave_99', 1, '2026-12-04 13:58:53.917822+00', 'h9NapJYevwhel7OLm0ExKDfopTquXLFNeNCV2kteoUUe4I7IEM4P4h-JO2wqMM0m-SgI2qfLz0joZNsRoV7uDA', 16, '747');


--
-- Data for Name: name_totals; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.name_totals VALUES ('alice', 3, '2026-12-04 13:58:53.884924+00');
INSERT INTO public.name_totals VALUES ('bob', 1, '2026-12-04 13:58:53.896423+00');
INSERT INTO public.name_totals VALUES ('carol', 2, '2026-12-04 13:58:53.908388+00');
INSERT INTO public.name_totals VALUES ('dave_99', 1, '2026-12-04 13:58:53.917822+00');


--
-- Data for Name: node_identity; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.node_identity VALUES (true, 'pBePEhTxhr0N3nIij9sBqeDScvBxGLYRP9POjIpraz0', '\xeab52c58e557a035125ea1df68c195b45a2805d18b3974e6ec16dfce3237de7e', '2026-12-04 13:58:53.826186+00');


--
-- Data for Name: node_records; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.node_records VALUES ('pBePEhTxhr0N3nIij9sBqeDScvBxGLYRP9POjIpraz0', 'previous-node', NULL, '0.4.0', '2026-12-04 13:58:53.830728+00', '8m19iThU7-h0_NFIFTD-m9YUfCAw9f_xLaTUe9nV-pfUw1ZpgTiIn_-5FHZB-GSP8mSiBEo5Qa9n-13wEHJeAw', 1, '728');


--
-- Data for Name: origin_sources; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: origins; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: peers; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: player_heads; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.player_heads VALUES ('321e3ed51e59ea4a8c7ce6f57ff9b705', '2d3a4744ceebe9b2676612017e2a04f8aed891f348b0f2a1798ec6f5f3335a00');
INSERT INTO public.player_heads VALUES ('ba6b7faa03d062e266d4c453642e4ef6', '806f330645ed234abac691ed45eee12500df0bfa074ff8965c69308f9a44db43');
INSERT INTO public.player_heads VALUES ('5d45d8ca01253f8511e90fe367f1e159', '3e9c113d6ef8f8446e1b0f9c686ea30e4519ddfbf1cd8b6a706651d6210f73d5');
INSERT INTO public.player_heads VALUES ('f6c9109965b3af06bbdc48e5cdc50afd', 'fd57a61ab1991258ebe8e67f922f8ffc1337080ce92954b085f88f1e63a74559');


--
-- Data for Name: profiles; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.profiles VALUES ('alice', 'Alice', '321e3ed51e59ea4a8c7ce6f57ff9b705', '2026-12-04 13:58:53.859729+00', 'pBePEhTxhr0N3nIij9sBqeDScvBxGLYRP9POjIpraz0', '2d3a4744ceebe9b2676612017e2a04f8aed891f348b0f2a1798ec6f5f3335a00', 'KDWGOCzLnkaqVvPnQwCGuFJ3jgZogb3_e4lM4o8bVuwWjP0qZw-CFYbdaafPJ_Rv5WUHCEnaULvyHWa5exKEBw', 3, '731');
INSERT INTO public.profiles VALUES ('bob', 'Bob', 'ba6b7faa03d062e266d4c453642e4ef6', '2026-12-04 13:58:53.889874+00', 'pBePEhTxhr0N3nIij9sBqeDScvBxGLYRP9POjIpraz0', '806f330645ed234abac691ed45eee12500df0bfa074ff8965c69308f9a44db43', 'hsdl7xQkooXYbKkqk4PUrKJ3UkCxNP1MmJdzWTQcsNEzVy90iuMaOdWpeMKuJz_z2gKGKtymp2mIL31C51IbBQ', 8, '737');
INSERT INTO public.profiles VALUES ('carol', 'Carol', '5d45d8ca01253f8511e90fe367f1e159', '2026-12-04 13:58:53.900672+00', 'pBePEhTxhr0N3nIij9sBqeDScvBxGLYRP9POjIpraz0', '3e9c113d6ef8f8446e1b0f9c686ea30e4519ddfbf1cd8b6a706651d6210f73d5', 'xBbLUHhFRTfRTctkn_kS48s7yT-kRf5zsqrwaGRsYs34LTy0PbYgESf27l_tuuTVY_VdIRRLM9lDxgC0HqI2AA', 11, '741');
INSERT INTO public.profiles VALUES ('dave_99', 'Dave_99', 'f6c9109965b3af06bbdc48e5cdc50afd', '2026-12-04 13:58:53.912423+00', 'pBePEhTxhr0N3nIij9sBqeDScvBxGLYRP9POjIpraz0', 'fd57a61ab1991258ebe8e67f922f8ffc1337080ce92954b085f88f1e63a74559', 'X5oYB4UjkVLGTaB5U4Y-fFiYG7hIsh_pFa9AcmqNXYIilkc9UW_jSgnHsZ-MWdPg0WMGnREF3r-7hsC58T4pBg', 15, '746');


--
-- Data for Name: purges; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: rejections; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: schema_migrations; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.schema_migrations VALUES ('CreateNodeIdentityTable', '2026-12-04 13:58:53.640836+00');
INSERT INTO public.schema_migrations VALUES ('CreateProfilesTable', '2026-12-04 13:58:53.640836+00');
INSERT INTO public.schema_migrations VALUES ('CreateLookupCountsTable', '2026-12-04 13:58:53.640836+00');
INSERT INTO public.schema_migrations VALUES ('CreateAvatarsTable', '2026-12-04 13:58:53.640836+00');
INSERT INTO public.schema_migrations VALUES ('AddChangeFeed', '2026-12-04 13:58:53.640836+00');
INSERT INTO public.schema_migrations VALUES ('CreatePeersTable', '2026-12-04 13:58:53.640836+00');
INSERT INTO public.schema_migrations VALUES ('CreatePlayerHeadsTable', '2026-12-04 13:58:53.640836+00');
INSERT INTO public.schema_migrations VALUES ('AddTrustRules', '2026-12-04 13:58:53.640836+00');
INSERT INTO public.schema_migrations VALUES ('AddPeerLeases', '2026-12-04 13:58:53.640836+00');
INSERT INTO public.schema_migrations VALUES ('AddFeedEpoch', '2026-12-04 13:58:53.640836+00');
INSERT INTO public.schema_migrations VALUES ('CreateNodeRecordsTable', '2026-12-04 13:58:53.640836+00');
INSERT INTO public.schema_migrations VALUES ('AddNameTotals', '2026-12-04 13:58:53.640836+00');
INSERT INTO public.schema_migrations VALUES ('DropCounterTimeIndex', '2026-12-04 13:58:53.640836+00');
INSERT INTO public.schema_migrations VALUES ('AddDigestBuckets', '2026-12-04 13:58:53.640836+00');
INSERT INTO public.schema_migrations VALUES ('RefineDigestBuckets', '2026-12-04 13:58:53.640836+00');


--
-- Name: change_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.change_seq', 16, true);


--
-- Name: avatars avatars_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.avatars
    ADD CONSTRAINT avatars_pkey PRIMARY KEY (sha256);


--
-- Name: digest_buckets digest_buckets_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.digest_buckets
    ADD CONSTRAINT digest_buckets_pkey PRIMARY KEY (kind, bucket);


--
-- Name: feed_epoch feed_epoch_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.feed_epoch
    ADD CONSTRAINT feed_epoch_pkey PRIMARY KEY (singleton);


--
-- Name: lookup_counts lookup_counts_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.lookup_counts
    ADD CONSTRAINT lookup_counts_pkey PRIMARY KEY (origin, name_key);


--
-- Name: name_totals name_totals_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.name_totals
    ADD CONSTRAINT name_totals_pkey PRIMARY KEY (name_key);


--
-- Name: node_identity node_identity_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.node_identity
    ADD CONSTRAINT node_identity_pkey PRIMARY KEY (singleton);


--
-- Name: node_records node_records_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.node_records
    ADD CONSTRAINT node_records_pkey PRIMARY KEY (origin);


--
-- Name: origin_sources origin_sources_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.origin_sources
    ADD CONSTRAINT origin_sources_pkey PRIMARY KEY (origin, neighbour);


--
-- Name: origins origins_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.origins
    ADD CONSTRAINT origins_pkey PRIMARY KEY (origin);


--
-- Name: peers peers_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.peers
    ADD CONSTRAINT peers_pkey PRIMARY KEY (node_id);


--
-- Name: player_heads player_heads_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.player_heads
    ADD CONSTRAINT player_heads_pkey PRIMARY KEY (uuid);


--
-- Name: profiles profiles_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.profiles
    ADD CONSTRAINT profiles_pkey PRIMARY KEY (name_key);


--
-- Name: purges purges_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.purges
    ADD CONSTRAINT purges_pkey PRIMARY KEY (origin);


--
-- Name: rejections rejections_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.rejections
    ADD CONSTRAINT rejections_pkey PRIMARY KEY (neighbour, reason);


--
-- Name: schema_migrations schema_migrations_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.schema_migrations
    ADD CONSTRAINT schema_migrations_pkey PRIMARY KEY (name);


--
-- Name: lookup_counts_feed; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX lookup_counts_feed ON public.lookup_counts USING btree (xid, seq);


--
-- Name: lookup_counts_name_bucket; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX lookup_counts_name_bucket ON public.lookup_counts USING btree ("left"(md5(name_key), 8) COLLATE "C");


--
-- Name: lookup_counts_name_key; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX lookup_counts_name_key ON public.lookup_counts USING btree (name_key);


--
-- Name: name_totals_by_recent; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX name_totals_by_recent ON public.name_totals USING btree (last_lookup_at DESC);


--
-- Name: name_totals_by_total; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX name_totals_by_total ON public.name_totals USING btree (total DESC, name_key);


--
-- Name: node_records_feed; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX node_records_feed ON public.node_records USING btree (xid, seq);


--
-- Name: origins_first_neighbour; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX origins_first_neighbour ON public.origins USING btree (first_neighbour, first_seen_at);


--
-- Name: profiles_feed; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX profiles_feed ON public.profiles USING btree (xid, seq);


--
-- Name: profiles_name_bucket; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX profiles_name_bucket ON public.profiles USING btree ("left"(md5(name_key), 8) COLLATE "C");


--
-- Name: profiles_uuid; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX profiles_uuid ON public.profiles USING btree (uuid);


--
-- Name: lookup_counts lookup_counts_digest_deleted; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER lookup_counts_digest_deleted AFTER DELETE ON public.lookup_counts REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION public.digest_buckets_lookup_counts();


--
-- Name: lookup_counts lookup_counts_digest_inserted; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER lookup_counts_digest_inserted AFTER INSERT ON public.lookup_counts REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION public.digest_buckets_lookup_counts();


--
-- Name: lookup_counts lookup_counts_digest_updated; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER lookup_counts_digest_updated AFTER UPDATE ON public.lookup_counts REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION public.digest_buckets_lookup_counts();


--
-- Name: lookup_counts lookup_counts_inserted; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER lookup_counts_inserted AFTER INSERT ON public.lookup_counts REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION public.notify_heads_changes();


--
-- Name: lookup_counts lookup_counts_totals_deleted; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER lookup_counts_totals_deleted AFTER DELETE ON public.lookup_counts REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION public.name_totals_deleted();


--
-- Name: lookup_counts lookup_counts_totals_inserted; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER lookup_counts_totals_inserted AFTER INSERT ON public.lookup_counts REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION public.name_totals_inserted();


--
-- Name: lookup_counts lookup_counts_totals_updated; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER lookup_counts_totals_updated AFTER UPDATE ON public.lookup_counts REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION public.name_totals_updated();


--
-- Name: lookup_counts lookup_counts_updated; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER lookup_counts_updated AFTER UPDATE ON public.lookup_counts REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION public.notify_heads_changes();


--
-- Name: node_records node_records_digest_deleted; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER node_records_digest_deleted AFTER DELETE ON public.node_records REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION public.digest_buckets_node_records();


--
-- Name: node_records node_records_digest_inserted; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER node_records_digest_inserted AFTER INSERT ON public.node_records REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION public.digest_buckets_node_records();


--
-- Name: node_records node_records_digest_updated; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER node_records_digest_updated AFTER UPDATE ON public.node_records REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION public.digest_buckets_node_records();


--
-- Name: node_records node_records_inserted; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER node_records_inserted AFTER INSERT ON public.node_records REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION public.notify_heads_changes();


--
-- Name: node_records node_records_updated; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER node_records_updated AFTER UPDATE ON public.node_records REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION public.notify_heads_changes();


--
-- Name: profiles profiles_digest_deleted; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER profiles_digest_deleted AFTER DELETE ON public.profiles REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION public.digest_buckets_profiles();


--
-- Name: profiles profiles_digest_inserted; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER profiles_digest_inserted AFTER INSERT ON public.profiles REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION public.digest_buckets_profiles();


--
-- Name: profiles profiles_digest_updated; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER profiles_digest_updated AFTER UPDATE ON public.profiles REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION public.digest_buckets_profiles();


--
-- Name: profiles profiles_inserted; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER profiles_inserted AFTER INSERT ON public.profiles REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION public.notify_heads_changes();


--
-- Name: profiles profiles_updated; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER profiles_updated AFTER UPDATE ON public.profiles REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION public.notify_heads_changes();


--
-- Name: player_heads player_heads_sha256_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.player_heads
    ADD CONSTRAINT player_heads_sha256_fkey FOREIGN KEY (sha256) REFERENCES public.avatars(sha256);


--
-- PostgreSQL database dump complete
--

\unrestrict Lm9kZHnFdE9zmgAzLqgIU3WuONDqiYqxoAqjpWa7TljKhpVeHiZzkr4hHl9KEwV

