package org.interchange.permissions.internal;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.interchange.permissions.Proto;

/**
 * The rows of the address table arranged for lookups by source address: per address family, one hash table per
 * prefix length in use, keyed by the network's address. A lookup masks the source address once per prefix length
 * and probes that length's table: as many probes as there are distinct prefix lengths in the family (typically two
 * or three: hosts, /24s), never a scan of the rows, and no allocation besides the copy of the address's bytes.
 *
 * <p>Which row wins when several match: the one of the lowest group; within a group the longest prefix (a host
 * before its network); then the row added first. Immutable once built, thread-safe.
 *
 * @param <V> what a lookup returns for a row
 */
public final class NetworkIndex<V> {

    /** A group number that looks in every group. */
    public static final int ANY_GROUP = 0;

    private static final Level[] NO_LEVELS = new Level[0];

    private final Level[] ipv4;
    private final Level[] ipv6;
    private final int size;

    private NetworkIndex(Level[] ipv4, Level[] ipv6, int size) {
        this.ipv4 = ipv4;
        this.ipv6 = ipv6;
        this.size = size;
    }

    public static <V> Builder<V> builder() {
        return new Builder<>();
    }

    /** The number of rows. */
    public int size() {
        return size;
    }

    /**
     * The value of the best row that matches, or null.
     *
     * @param group   the group the row must be of, or {@link #ANY_GROUP}
     * @param port    the port; 0 matches a row of any port
     * @param proto   the transport; {@link Proto#ANY} matches a row of any transport
     * @param subject the string the rows' patterns are matched against; null to leave the patterns out
     */
    @SuppressWarnings("unchecked")
    public V find(InetAddress address, int group, int port, Proto proto, String subject) {
        byte[] bytes = address.getAddress();
        Level[] levels = bytes.length == 4 ? ipv4 : ipv6;
        long high = bytes.length == 4 ? 0 : bits(bytes, 0);
        long low = bytes.length == 4 ? bits(bytes, 0) >>> 32 : bits(bytes, 8);
        Row best = null;
        for (Level level : levels) {
            Row[] bucket = level.get(high & level.highMask, low & level.lowMask);
            if (bucket == null) {
                continue;
            }
            for (Row row : bucket) {
                if (best != null && row.group >= best.group || group != ANY_GROUP && row.group > group) {
                    break;
                }
                if ((group == ANY_GROUP || row.group == group) && row.admits(port, proto, subject)) {
                    best = row;
                    break;
                }
            }
            if (best != null && group != ANY_GROUP) {
                // the other levels hold the same group under shorter prefixes: they cannot win
                break;
            }
        }
        return best == null ? null : (V) best.value;
    }

    /** Up to 8 bytes from {@code from}, big-endian, as the high bits of a long. */
    private static long bits(byte[] bytes, int from) {
        long value = 0;
        int end = Math.min(bytes.length, from + 8);
        for (int i = from; i < from + 8; i++) {
            value = value << 8 | (i < end ? bytes[i] & 0xff : 0);
        }
        return value;
    }

    /** Collects rows; not thread-safe. */
    public static final class Builder<V> {

        private final List<Row> rows = new ArrayList<>();

        private Builder() {
        }

        /**
         * Adds a row. The caller has validated it: the prefix length fits the address's family.
         *
         * @param pattern the compiled pattern, or null for none
         */
        public Builder<V> add(InetAddress network, int prefixLength, int group, int port, Proto proto,
                              Wildcard pattern, V value) {
            rows.add(new Row(network.getAddress(), prefixLength, group, port, proto, pattern, value, rows.size()));
            return this;
        }

        public NetworkIndex<V> build() {
            List<Row> sorted = new ArrayList<>(rows);
            sorted.removeIf(row -> row.proto == Proto.NONE);
            sorted.sort(Comparator.comparingInt((Row row) -> row.group).thenComparingInt(row -> row.order));
            Map<Integer, Map<Key, List<Row>>> ipv4 = new TreeMap<>(Comparator.reverseOrder());
            Map<Integer, Map<Key, List<Row>>> ipv6 = new TreeMap<>(Comparator.reverseOrder());
            for (Row row : sorted) {
                boolean four = row.network.length == 4;
                long high = four ? 0 : bits(row.network, 0);
                long low = four ? bits(row.network, 0) >>> 32 : bits(row.network, 8);
                long[] masks = masks(four, row.prefixLength);
                (four ? ipv4 : ipv6).computeIfAbsent(row.prefixLength, length -> new LinkedHashMap<>())
                        .computeIfAbsent(new Key(high & masks[0], low & masks[1]), key -> new ArrayList<>())
                        .add(row);
            }
            return new NetworkIndex<>(levels(true, ipv4), levels(false, ipv6), sorted.size());
        }

        private static Level[] levels(boolean four, Map<Integer, Map<Key, List<Row>>> byLength) {
            if (byLength.isEmpty()) {
                return NO_LEVELS;
            }
            List<Level> levels = new ArrayList<>();
            byLength.forEach((length, networks) -> levels.add(new Level(masks(four, length), networks)));
            return levels.toArray(NO_LEVELS);
        }

        /** The masks of a prefix length over the high and low longs of an address. */
        private static long[] masks(boolean four, int prefixLength) {
            if (four) {
                return new long[] {0, prefixLength == 0 ? 0 : (0xffff_ffffL << (32 - prefixLength)) & 0xffff_ffffL};
            }
            long high = prefixLength == 0 ? 0 : prefixLength >= 64 ? -1L : -1L << (64 - prefixLength);
            long low = prefixLength <= 64 ? 0 : prefixLength == 128 ? -1L : -1L << (128 - prefixLength);
            return new long[] {high, low};
        }
    }

    private record Key(long high, long low) {
    }

    /** A row as the index matches it. */
    private static final class Row {
        final byte[] network;
        final int prefixLength;
        final int group;
        final int port;
        final Proto proto;
        final Wildcard pattern;
        final Object value;
        final int order;

        Row(byte[] network, int prefixLength, int group, int port, Proto proto, Wildcard pattern, Object value,
            int order) {
            this.network = network;
            this.prefixLength = prefixLength;
            this.group = group;
            this.port = port;
            this.proto = proto;
            this.pattern = pattern;
            this.value = value;
            this.order = order;
        }

        /** The address matched already; the rest as OpenSIPS's {@code match_address}. */
        boolean admits(int port, Proto proto, String subject) {
            return (this.port == 0 || port == 0 || this.port == port)
                    && (this.proto == Proto.ANY || proto == Proto.ANY || this.proto == proto)
                    && (pattern == null || subject == null || pattern.matches(subject));
        }
    }

    /** The networks of one prefix length: an open-addressing hash table from network address to rows. */
    private static final class Level {
        final long highMask;
        final long lowMask;
        private final long[] highs;
        private final long[] lows;
        private final Row[][] rows;
        private final int slotMask;

        Level(long[] masks, Map<Key, List<Row>> networks) {
            this.highMask = masks[0];
            this.lowMask = masks[1];
            int capacity = Integer.highestOneBit(Math.max(2, networks.size() * 2 - 1)) << 1;
            highs = new long[capacity];
            lows = new long[capacity];
            rows = new Row[capacity][];
            slotMask = capacity - 1;
            networks.forEach((key, list) -> {
                int slot = hash(key.high(), key.low()) & slotMask;
                while (rows[slot] != null) {
                    slot = (slot + 1) & slotMask;
                }
                highs[slot] = key.high();
                lows[slot] = key.low();
                rows[slot] = list.toArray(new Row[0]);
            });
        }

        Row[] get(long high, long low) {
            for (int slot = hash(high, low) & slotMask; rows[slot] != null; slot = (slot + 1) & slotMask) {
                if (highs[slot] == high && lows[slot] == low) {
                    return rows[slot];
                }
            }
            return null;
        }

        /** MurmurHash3's 64-bit finaliser over both halves. */
        private static int hash(long high, long low) {
            long h = high * 0x9e37_79b9_7f4a_7c15L + low;
            h ^= h >>> 33;
            h *= 0xff51_afd7_ed55_8ccdL;
            h ^= h >>> 33;
            h *= 0xc4ce_b9fe_1a85_ec53L;
            h ^= h >>> 33;
            return (int) h;
        }
    }
}
