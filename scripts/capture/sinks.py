#!/usr/bin/python3
"""Loopback SMTP sinks for scripts/capture-samples.sh.

Each sink listens on 127.0.0.1:<port> and answers the way a troubled (or healthy) next hop
would, so that the Postfix under test writes real deferral, bounce and timeout lines:

  2525 accept   250 to everything, except RCPT local parts starting with
                'full' (452 4.2.2 mailbox full) and 'gone' (550 5.1.1 user unknown),
                and DATA whose body contains 'SPAM-TEST' (554 5.7.1 at end of data)
  2526 greylist 450 4.7.1 at every RCPT (a greylisting relay that never lets go)
  2527 reject   550 5.7.1 at every RCPT (a relay that refuses our mail)
  2528 silent   accepts the TCP connection and never sends a greeting (timeout)
  2530 busy     421 4.3.2 at the greeting
  2531 tarpit   like accept, but waits 6 seconds before answering the end of DATA
  (2529 has no listener at all: connection refused)

Nothing here leaves 127.0.0.0/8. Stop with SIGTERM.
"""
import socket
import sys
import threading
import time

HOST = '127.0.0.1'


def reply(conn, text):
	conn.sendall((text + '\r\n').encode())


def read_line(f):
	line = f.readline()
	if not line:
		return None
	return line.decode('utf-8', 'replace').rstrip('\r\n')


def session(conn, mode):
	f = conn.makefile('rb')
	if mode == 'silent':
		# Hold the connection open without a greeting until the client gives up.
		while f.readline():
			pass
		return
	if mode == 'busy':
		reply(conn, '421 4.3.2 sink.example Service shutting down, try again later')
		return
	reply(conn, '220 sink.example ESMTP loopback sink')
	while True:
		line = read_line(f)
		if line is None:
			return
		verb = line[:4].upper()
		if verb in ('EHLO',):
			reply(conn, '250-sink.example')
			reply(conn, '250-SIZE 10240000')
			reply(conn, '250-8BITMIME')
			reply(conn, '250 PIPELINING')
		elif verb == 'HELO':
			reply(conn, '250 sink.example')
		elif verb == 'MAIL':
			reply(conn, '250 2.1.0 Ok')
		elif verb == 'RCPT':
			addr = line.split(':', 1)[1].strip().strip('<>').lower()
			local = addr.split('@')[0]
			if mode == 'greylist':
				reply(conn, '450 4.7.1 <%s>: Recipient address rejected: Greylisted, try again in 300 seconds' % addr)
			elif mode == 'reject':
				reply(conn, '550 5.7.1 <%s>: Relay access denied' % addr)
			elif local.startswith('full'):
				reply(conn, '452 4.2.2 <%s>: Mailbox full' % addr)
			elif local.startswith('gone'):
				reply(conn, '550 5.1.1 <%s>: Recipient address rejected: User unknown in virtual mailbox table' % addr)
			else:
				reply(conn, '250 2.1.5 Ok')
		elif verb == 'DATA':
			reply(conn, '354 End data with <CR><LF>.<CR><LF>')
			spam = False
			while True:
				data = f.readline()
				if not data:
					return
				if data in (b'.\r\n', b'.\n'):
					break
				if b'SPAM-TEST' in data:
					spam = True
			if mode == 'tarpit':
				time.sleep(6)
			if spam:
				reply(conn, '554 5.7.1 Message rejected: content looks like spam (score 12.5)')
			else:
				reply(conn, '250 2.0.0 Ok: queued as S%d' % int(time.time() * 1000 % 100000000))
		elif verb == 'RSET' or verb == 'NOOP':
			reply(conn, '250 2.0.0 Ok')
		elif verb == 'QUIT':
			reply(conn, '221 2.0.0 Bye')
			return
		else:
			reply(conn, '502 5.5.2 Error: command not recognized')


def serve(port, mode):
	srv = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
	srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
	srv.bind((HOST, port))
	srv.listen(50)
	while True:
		conn, _ = srv.accept()

		def run(c=conn):
			try:
				session(c, mode)
			except OSError:
				pass
			finally:
				c.close()

		threading.Thread(target=run, daemon=True).start()


def main():
	sinks = {2525: 'accept', 2526: 'greylist', 2527: 'reject', 2528: 'silent', 2530: 'busy', 2531: 'tarpit'}
	for port, mode in sinks.items():
		threading.Thread(target=serve, args=(port, mode), daemon=True).start()
	sys.stdout.write('sinks listening on %s\n' % ', '.join('%s:%d' % (HOST, p) for p in sinks))
	sys.stdout.flush()
	while True:
		time.sleep(3600)


if __name__ == '__main__':
	main()
