#!/usr/bin/env python3
"""Bounded load on 127.0.0.1 that moves well-known counters (run by capture-loopback.sh).

- 200 TCP connects to a closed port: RSTs (Tcp AttemptFails, OutRsts)
- a listener with backlog 1 that never accepts, 64 clients: TcpExt ListenOverflows/ListenDrops,
  SYN retransmissions
- one 64 MiB TCP transfer: segments in and out
- 100 UDP datagrams to a closed port: Udp NoPorts, ICMP port unreachable out and in
Everything stays on loopback and ends within about 10 seconds.
"""
import socket
import threading
import time

HOST = '127.0.0.1'


def free_port():
    s = socket.socket()
    s.bind((HOST, 0))
    port = s.getsockname()[1]
    s.close()
    return port


def closed_port_connects(count):
    port = free_port()
    for _ in range(count):
        c = socket.socket()
        try:
            c.connect((HOST, port))
        except ConnectionRefusedError:
            pass
        c.close()


def backlog_overflow(clients):
    server = socket.socket()
    server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    server.bind((HOST, 0))
    server.listen(1)
    port = server.getsockname()[1]
    sockets = []
    for _ in range(clients):
        c = socket.socket()
        c.setblocking(False)
        c.connect_ex((HOST, port))
        sockets.append(c)
    time.sleep(4)  # long enough for SYN retransmissions at 1 s and 3 s
    for c in sockets:
        c.close()
    server.close()


def transfer(size):
    server = socket.socket()
    server.bind((HOST, 0))
    server.listen(1)
    port = server.getsockname()[1]
    received = []

    def sink():
        conn, _ = server.accept()
        total = 0
        while True:
            data = conn.recv(1 << 16)
            if not data:
                break
            total += len(data)
        received.append(total)
        conn.close()

    thread = threading.Thread(target=sink)
    thread.start()
    client = socket.create_connection((HOST, port))
    client.sendall(b'x' * size)
    client.close()
    thread.join()
    server.close()
    return received[0]


def udp_closed_port(count):
    port = free_port()
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    for _ in range(count):
        s.sendto(b'probe', (HOST, port))
        time.sleep(0.002)
    s.close()


if __name__ == '__main__':
    closed_port_connects(200)
    backlog_overflow(64)
    print('transferred', transfer(64 << 20), 'bytes')
    udp_closed_port(100)
