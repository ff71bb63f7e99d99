package io.psicoia.adapter.tcp;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/** The addresses whose word about the client behind them ({@code peer}) the server takes. */
final class TrustedProxies implements Predicate<InetAddress> {

    private final List<Block> blocks;

    private TrustedProxies(List<Block> blocks) {
        this.blocks = List.copyOf(blocks);
    }

    /**
     * Parses entries: an IP address ({@code 10.0.0.5}, {@code ::1}), a CIDR block ({@code 10.0.0.0/8}), or
     * {@code loopback}. No host names: they would need DNS at every check.
     *
     * @throws IllegalArgumentException naming the entry that is not valid
     */
    static TrustedProxies parse(List<String> entries) {
        List<Block> blocks = new ArrayList<>();
        for (String raw : entries) {
            String entry = raw.trim().toLowerCase(Locale.ROOT);
            if (entry.isEmpty()) {
                continue;
            }
            if (entry.equals("loopback")) {
                blocks.add(block("127.0.0.0", 8));
                blocks.add(block("::1", 128));
                continue;
            }
            int slash = entry.indexOf('/');
            String address = slash < 0 ? entry : entry.substring(0, slash);
            if (!address.matches("[0-9a-f:.]+")) {
                throw new IllegalArgumentException("trusted proxy must be an IP address or CIDR block: " + raw.trim());
            }
            InetAddress parsed = literal(address, raw);
            int maxBits = parsed.getAddress().length * 8;
            int bits = maxBits;
            if (slash >= 0) {
                try {
                    bits = Integer.parseInt(entry.substring(slash + 1));
                } catch (NumberFormatException e) {
                    bits = -1;
                }
                if (bits < 0 || bits > maxBits) {
                    throw new IllegalArgumentException("invalid CIDR prefix length: " + raw.trim());
                }
            }
            blocks.add(new Block(parsed.getAddress(), bits));
        }
        return new TrustedProxies(blocks);
    }

    @Override
    public boolean test(InetAddress address) {
        byte[] bytes = address.getAddress();
        for (Block block : blocks) {
            if (block.contains(bytes)) {
                return true;
            }
        }
        return false;
    }

    private static Block block(String address, int bits) {
        return new Block(literal(address, address).getAddress(), bits);
    }

    private static InetAddress literal(String address, String raw) {
        try {
            // Only literals reach here (checked above), so no name lookup happens.
            return InetAddress.getByName(address);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("trusted proxy is not a valid IP address: " + raw.trim(), e);
        }
    }

    private record Block(byte[] network, int bits) {
        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int full = bits / 8;
            for (int i = 0; i < full; i++) {
                if (address[i] != network[i]) {
                    return false;
                }
            }
            int rest = bits % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xFF << (8 - rest)) & 0xFF;
            return (address[full] & mask) == (network[full] & mask);
        }
    }
}
