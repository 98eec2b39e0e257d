#!/usr/bin/python3
"""Drives one batch of mail through the loopback Postfix of scripts/capture-samples.sh.

usage: drive.py <config-dir> <batch-name>

Every batch is a fixed recipe (see BATCHES) played with a random generator seeded by the batch
name, so a re-run sends the same kinds of mail in the same order. SMTP clients bind source
addresses on 127.0.0.0/8 (127.0.0.2, 127.0.0.3, ...); local submissions go through sendmail(1).
All addresses use reserved test domains (RFC 2606/6761: *.test, *.example, example.com/net/org).
"""
import random
import smtplib
import socket
import subprocess
import sys
import time

SERVER = '127.0.0.1'
LOCAL = ['alice', 'bob', 'carol', 'dave', 'erin']
SENDERS = [
	'billing@example.com', 'Jane.Doe@Example.COM', 'news@lists.example',
	'list-return-1234-alice=fieldnotes.test@lists.example',
	'bounces+4711-bob=fieldnotes.test@mail.example.com', 'noreply@partner.test',
	'reports@example.org', 'frank@example.net', 'carol@fieldnotes.test', 'alerts@monitor.test',
]
RELAY_OK = ['ops-pager@example.com', 'Sales@Example.com', 'desk@mail.example.com',
	'archive@lists.example', 'orders@partner.test', 'Kim.Lee@partner.test']
TROUBLE = {
	'greylist': ['frank@example.net', 'team@greylist.test'],
	'rejected': ['reports@example.org', 'info@example.org'],
	'refused': ['postmaster@refused.test'],
	'slow': ['queue@slow.test'],
	'busy': ['help@busy.example'],
	'full': ['full-mailbox@example.com'],
	'gone': ['gone-user@example.com', 'gone.away@partner.test'],
	'noroute': ['someone@unrouted.example'],
}


def body(rng, size, subject, headers=(), marker=None):
	lines = ['Subject: %s' % subject, 'Message-ID: <%d.%d@client.test>' % (time.time() * 1000, rng.randrange(10**6))]
	lines += list(headers)
	lines.append('')
	if marker:
		lines.append(marker)
	words = ['relay', 'queue', 'latency', 'mailbox', 'postfix', 'loopback', 'summary', 'digest']
	while sum(len(x) + 2 for x in lines) < size:
		lines.append(' '.join(rng.choice(words) for _ in range(12)))
	return '\r\n'.join(lines) + '\r\n'


def smtp(src, sender, rcpts, msg, helo='client.fieldnotes.test', port=25):
	"""One SMTP transaction from source address src; refusals are expected and logged by Postfix."""
	try:
		with smtplib.SMTP(SERVER, port, local_hostname=helo, source_address=(src, 0), timeout=30) as s:
			s.sendmail(sender, rcpts, msg)
	except (smtplib.SMTPException, OSError) as err:
		print('  %s -> %s: %s' % (sender, rcpts, str(err)[:90]))


def raw(src, lines, port=25, pause=0.3):
	"""A hand-written SMTP dialogue (for protocol errors smtplib will not produce)."""
	with socket.create_connection((SERVER, port), timeout=20, source_address=(src, 0)) as s:
		s.recv(1024)
		for line in lines:
			if line is None:
				break
			s.sendall(line.encode() + b'\r\n')
			time.sleep(pause)
			try:
				s.recv(4096)
			except OSError:
				break


def pickup(config, sender, rcpts, msg):
	subprocess.run(['/usr/sbin/sendmail', '-C', config, '-f', sender, *rcpts], input=msg.encode(), check=True)


def src(rng):
	return '127.0.0.%d' % rng.choice([1, 2, 2, 3, 3, 4, 5, 6, 7, 8, 9])


def normal(rng, config, n):
	"""Healthy traffic: local deliveries, relays that accept, a forward now and then."""
	for i in range(n):
		size = rng.choice([800, 1500, 2500, 4000, 9000, 20000, 60000, 150000])
		sender = rng.choice(SENDERS)
		kind = rng.random()
		if kind < 0.35:
			rcpts = ['%s@fieldnotes.test' % rng.choice(LOCAL)]
		elif kind < 0.7:
			rcpts = [rng.choice(RELAY_OK)]
		elif kind < 0.8:
			rcpts = ['%s@fieldnotes.test' % rng.choice(LOCAL), rng.choice(RELAY_OK)]
		elif kind < 0.9:
			rcpts = ['team@fieldnotes.test'] if rng.random() < 0.6 else ['sales@fieldnotes.test']
		else:
			pickup(config, 'root@fieldnotes.test', ['%s@fieldnotes.test' % rng.choice(LOCAL)],
				body(rng, size, 'cron report %d' % i))
			continue
		smtp(src(rng), sender, rcpts, body(rng, size, 'message %d' % i))
		time.sleep(rng.uniform(0.1, 0.6))


def trouble(rng, config, kinds):
	"""Mail that the next hops defer, bounce, refuse or let time out."""
	for kind in kinds:
		sender = rng.choice(SENDERS[:7])
		marker = None
		if kind == 'spam':
			rcpt, marker = 'archive@lists.example', 'SPAM-TEST buy now'
		else:
			rcpt = rng.choice(TROUBLE[kind])
		smtp(src(rng), sender, [rcpt], body(rng, rng.choice([1200, 5000, 30000]), kind + ' test', marker=marker))
		time.sleep(0.2)


def rejects(rng):
	"""smtpd restrictions: client, HELO, sender and recipient rejects, and reject warnings."""
	smtp('127.0.0.66', 'someone@example.com', ['alice@fieldnotes.test'], body(rng, 900, 'x'))
	smtp('127.0.0.67', 'other@example.net', ['bob@fieldnotes.test'], body(rng, 900, 'x'))
	smtp(src(rng), 'spammer@spam.example', ['carol@fieldnotes.test'], body(rng, 900, 'x'))
	smtp(src(rng), 'promo@spam.example', ['dave@fieldnotes.test', 'erin@fieldnotes.test'], body(rng, 900, 'x'))
	smtp(src(rng), 'billing@example.com', ['nosuchuser@fieldnotes.test', 'alice@fieldnotes.test'], body(rng, 1100, 'typo'))
	smtp(src(rng), 'billing@example.com', ['Mallory@fieldnotes.test'], body(rng, 1100, 'unknown'))
	smtp(src(rng), 'news@lists.example', ['abuse-test@fieldnotes.test'], body(rng, 900, 'x'))
	smtp(src(rng), 'news@lists.example', ['closed@fieldnotes.test'], body(rng, 900, 'x'))
	smtp(src(rng), 'localpart', ['bob@fieldnotes.test'], body(rng, 900, 'non-fqdn sender'))
	smtp(src(rng), 'billing@example.com', ['bob'], body(rng, 900, 'non-fqdn rcpt'))
	# warn_if_reject reject_non_fqdn_helo_hostname: logged as reject_warning, mail accepted
	smtp(src(rng), 'alerts@monitor.test', ['alice@fieldnotes.test'], body(rng, 1300, 'short helo'), helo='monitor')
	smtp(src(rng), 'alerts@monitor.test', ['bob@fieldnotes.test'], body(rng, 1300, 'bad helo'), helo='bad_helo!name')
	# access map WARN: logged as "warn:", which pflogsumm does not count
	smtp(src(rng), 'audit@watch.example', ['carol@fieldnotes.test'], body(rng, 1300, 'audited'))


def policy(rng):
	"""HOLD and DISCARD from access maps and header_checks; cleanup rejects and warnings."""
	smtp(src(rng), 'bulk@lists.example', ['alice@fieldnotes.test'], body(rng, 3000, 'weekly digest'))
	smtp(src(rng), 'billing@example.com', ['quarantine@fieldnotes.test'], body(rng, 3000, 'invoice'))
	smtp(src(rng), 'news@lists.example', ['bob@fieldnotes.test'], body(rng, 5000, 'offer [quarantine]'))
	smtp(src(rng), 'junk@promo.example', ['carol@fieldnotes.test'], body(rng, 2000, 'promo'))
	smtp(src(rng), 'noreply@partner.test', ['dave@fieldnotes.test'], body(rng, 2000, 'sale [junk]'))
	smtp(src(rng), 'noreply@partner.test', ['erin@fieldnotes.test'], body(rng, 2000, 'alert [blocked]'))
	smtp(src(rng), 'reports@example.org', ['alice@fieldnotes.test'], body(rng, 2500, 'scan', marker='EICAR-LIKE-TEST-SIGNATURE'))
	smtp(src(rng), 'frank@example.net', ['bob@fieldnotes.test'], body(rng, 2500, 'old client', headers=['X-Mailer: OldMailer 1.0']))


def protocol(rng):
	"""Protocol trouble: non-SMTP command, pipelining, bad address syntax, size limit, relay denied."""
	raw('127.0.0.5', ['EHLO client.fieldnotes.test', 'To: alice@fieldnotes.test'])
	raw('127.0.0.6', ['HELO client.fieldnotes.test', 'MAIL FROM:<bad address@example.com>', 'QUIT'])
	with socket.create_connection((SERVER, 25), timeout=20, source_address=('127.0.0.7', 0)) as s:
		s.recv(1024)
		s.sendall(b'HELO pipeliner.test\r\nMAIL FROM:<x@example.com>\r\nRCPT TO:<alice@fieldnotes.test>\r\nDATA\r\n')
		time.sleep(1)
		s.sendall(b'QUIT\r\n')
		time.sleep(0.3)
	with socket.create_connection((SERVER, 25), timeout=20, source_address=('127.0.0.8', 0)) as s:
		s.recv(1024)  # connect and vanish: "lost connection after CONNECT"
	smtp(src(rng), 'billing@example.com', ['alice@fieldnotes.test'], body(rng, 450000, 'too big'))
	smtp('127.0.0.4', 'billing@example.com', ['orders@partner.test'], body(rng, 1200, 'via submission'), port=2587)
	smtp('127.0.0.1', 'carol@fieldnotes.test', ['orders@partner.test'], body(rng, 1200, 'via submission'), port=2587)
	smtp('127.0.0.3', 'frank@example.net', ['desk@mail.example.com'], body(rng, 1200, 'via msa'), port=2588)
	smtp('127.0.0.1', 'erin@fieldnotes.test', ['desk@mail.example.com', 'bob@fieldnotes.test'], body(rng, 7000, 'via msa'), port=2588)


def preroll(rng, config):
	"""Mail in flight when the sample starts: its qmgr line falls before the first batch."""
	smtp('127.0.0.2', 'billing@example.com', ['ledger@tarpit.test'], body(rng, 5000, 'month end'))


BATCHES = {
	'preroll': preroll,
	'clean': lambda r, c: normal(r, c, 24),
	'b1': lambda r, c: (normal(r, c, 18), rejects(r)),
	'b2': lambda r, c: (normal(r, c, 14), trouble(r, c, ['greylist', 'rejected', 'refused', 'full', 'gone', 'spam', 'noroute'])),
	'b3': lambda r, c: (normal(r, c, 10), trouble(r, c, ['slow', 'busy', 'greylist'])),
	'b4': lambda r, c: (normal(r, c, 12), policy(r)),
	'b5': lambda r, c: (normal(r, c, 10), protocol(r), rejects(r)),
	'b6': lambda r, c: (normal(r, c, 16), trouble(r, c, ['gone', 'rejected', 'noroute', 'spam'])),
	'b7': lambda r, c: [pickup(c, 'root@fieldnotes.test', ['%s@fieldnotes.test' % n], body(r, 1000 + 700 * i, 'nightly job %d' % i)) for i, n in enumerate(LOCAL * 2)],
	'b8': lambda r, c: (normal(r, c, 16), rejects(r), policy(r), trouble(r, c, ['refused', 'gone'])),
}


def main():
	config, name = sys.argv[1], sys.argv[2]
	BATCHES[name](random.Random(name), config)


if __name__ == '__main__':
	main()
