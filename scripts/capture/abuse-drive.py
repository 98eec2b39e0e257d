#!/usr/bin/python3
"""Drives one batch of the "relay under attack" day through the loopback Postfix of
scripts/capture-abuse.sh.

usage: abuse-drive.py <batch>     (normal | burst | attack | outage)

normal: 4 messages from 127.0.0.2-4 on port 25 and one authenticated submission by carol
        (port 2589) — the relay's ordinary hour.
burst:  dave's account sends 150 messages from 127.0.0.9, and logs in from six more
        addresses (127.0.0.80-85): a compromised account.
attack: 40 failed AUTH PLAIN attempts from 127.0.0.70 (password guessing over several user
        names), 25 connections from 127.0.0.71 dropped right after connect, and 60 relay
        attempts without login from 127.0.0.72 on the submission port (Relay access denied).
outage: 60 messages (20 each from 127.0.0.2-4) to refused.test, whose next hop (127.0.0.1:2529) has no listener: deferred
        again and again until maximal_queue_lifetime (150 s) expires them.
Recipients are local test mailboxes (alias file deliveries) or the refused.test next hop on
127.0.0.1; nothing leaves the machine.
"""
import smtplib
import socket
import sys
import time

SERVER = '127.0.0.1'
SUBMISSION = 2589
LOCAL = ['alice', 'bob', 'carol', 'erin']


def message(subject, n):
	return ('Subject: %s %d\r\nMessage-ID: <%d.%d@client.test>\r\n\r\n' % (subject, n, time.time() * 1000, n)
		+ 'loopback capture for the fieldnotes findings\r\n' * 4)


def send(src, sender, rcpt, msg, login=None, port=25):
	try:
		with smtplib.SMTP(SERVER, port, local_hostname='client.fieldnotes.test', source_address=(src, 0), timeout=30) as s:
			s.ehlo()
			if login:
				s.login(*login)
			s.sendmail(sender, [rcpt], msg)
	except (smtplib.SMTPException, OSError) as err:
		print('  %s %s: %s' % (src, sender, str(err)[:90]))


def normal():
	for i, src in enumerate(['127.0.0.2', '127.0.0.3', '127.0.0.4', '127.0.0.2']):
		send(src, 'news@lists.example', '%s@fieldnotes.test' % LOCAL[i], message('newsletter', i))
	send('127.0.0.2', 'carol@fieldnotes.test', 'bob@fieldnotes.test', message('minutes', 0),
		login=('carol', 'carol-secret'), port=SUBMISSION)


def burst():
	for i in range(150):
		send('127.0.0.9', 'dave@fieldnotes.test', '%s@fieldnotes.test' % LOCAL[i % 4],
			message('invoice', i), login=('dave', 'dave-secret'), port=SUBMISSION)
	for host in range(80, 86):
		send('127.0.0.%d' % host, 'dave@fieldnotes.test', 'alice@fieldnotes.test',
			message('re: invoice', host), login=('dave', 'dave-secret'), port=SUBMISSION)


def attack():
	for i in range(40):
		user = ['admin', 'info', 'sales', 'dave', 'test'][i % 5]
		try:
			with smtplib.SMTP(SERVER, SUBMISSION, local_hostname='x', source_address=('127.0.0.70', 0), timeout=30) as s:
				s.ehlo()
				s.login(user, 'guess%d' % i)
		except smtplib.SMTPAuthenticationError:
			pass
		except (smtplib.SMTPException, OSError) as err:
			print('  attack: %s' % str(err)[:90])
	for _ in range(25):
		socket.create_connection((SERVER, 25), timeout=10, source_address=('127.0.0.71', 0)).close()
		time.sleep(0.2)
	for i in range(60):
		send('127.0.0.72', 'offers@example.net', 'victim%d@partner.test' % i, message('offer', i), port=SUBMISSION)


def outage():
	for i in range(60):
		send('127.0.0.%d' % (2 + i % 3), 'carol@fieldnotes.test', 'postmaster@refused.test', message('report', i))


if __name__ == '__main__':
	{'normal': normal, 'burst': burst, 'attack': attack, 'outage': outage}[sys.argv[1]]()
