package app.carrel.server.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

class AddressKeyTest {

    private static String key(String address) throws Exception {
        return AddressKey.of(InetAddress.getByName(address));
    }

    @Test
    void anIpv4AddressIsItsOwnKey() throws Exception {
        assertEquals("203.0.113.7", key("203.0.113.7"));
        assertNotEquals(key("203.0.113.7"), key("203.0.113.8"));
    }

    @Test
    void anIpv6NetworkCountsAsOneAddress() throws Exception {
        assertEquals("2001:db8:1:2:0:0:0:0/64", key("2001:db8:1:2::1"));
        assertEquals(key("2001:db8:1:2::1"), key("2001:db8:1:2:ffff:abcd:1234:5678"));
        assertNotEquals(key("2001:db8:1:2::1"), key("2001:db8:1:3::1"));
    }

    @Test
    void anIpv4MappedAddressIsTheIpv4Address() throws Exception {
        byte[] mapped = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, (byte) 203, 0, 113, 7};
        assertEquals("203.0.113.7", AddressKey.of(java.net.Inet6Address.getByAddress(null, mapped, -1)));
    }
}
