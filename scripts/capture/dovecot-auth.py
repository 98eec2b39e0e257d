#!/usr/bin/python3
"""A minimal SASL server speaking Dovecot's auth protocol, for scripts/capture-abuse.sh.

usage: dovecot-auth.py <socket-path>

Postfix's smtpd (smtpd_sasl_type = dovecot) connects to the UNIX socket and does the real SASL
exchange; only the password check is ours: PLAIN with an initial response, a fixed table of
test users. Success answers "OK <id> user=<name>", failure "FAIL <id> user=<name>" without a
reason, as Dovecot does (Postfix then logs "SASL PLAIN authentication failed: ").
"""
import base64
import os
import socket
import sys
import threading

USERS = {'carol': 'carol-secret', 'dave': 'dave-secret'}
HANDSHAKE = 'VERSION\t1\t2\nMECH\tPLAIN\tplaintext\nSPID\t%d\nCUID\t1\nCOOKIE\t%s\nDONE\n'


def check(resp):
	try:
		_authzid, user, password = base64.b64decode(resp).decode('utf-8', 'replace').split('\0')
	except ValueError:
		return False, ''
	return USERS.get(user) == password, user


def serve(conn):
	with conn, conn.makefile('r', encoding='utf-8', newline='\n') as lines:
		conn.sendall((HANDSHAKE % (os.getpid(), '0' * 32)).encode())
		for line in lines:
			fields = line.rstrip('\n').split('\t')
			if fields[0] != 'AUTH' or len(fields) < 3:
				continue
			params = dict(f.split('=', 1) for f in fields[3:] if '=' in f)
			ok, user = check(params.get('resp', ''))
			conn.sendall(('%s\t%s\tuser=%s\n' % ('OK' if ok else 'FAIL', fields[1], user)).encode())


def main():
	path = sys.argv[1]
	if os.path.exists(path):
		os.unlink(path)
	srv = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
	srv.bind(path)
	os.chmod(path, 0o666)
	srv.listen(16)
	while True:
		conn, _ = srv.accept()
		threading.Thread(target=serve, args=(conn,), daemon=True).start()


if __name__ == '__main__':
	main()
