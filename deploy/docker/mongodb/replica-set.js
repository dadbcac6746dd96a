// Run by healthcheck.sh inside the MongoDB container, every few seconds; exits 0 when healthy.
//
// 1. With no users yet (first start), MongoDB's localhost exception lets this script initiate
//    the replica set and, once this node is primary, create the root user.
// 2. As root: one user per service of MONGO_SERVICE_USERS ("user:database,..."), allowed to read and
//    write its own database only, with the password of <USER>_PASSWORD (the user in upper case, "-"
//    as "_"). A user's roles are put back if someone changed them, and a password changed in .env is
//    taken over: each user keeps a salted SHA-256 fingerprint of its password in its customData.
// 3. Healthy when this node is the writable primary.
//
// The root user comes from MONGO_ROOT_USERNAME/PASSWORD and is created once: changing it in .env later
// does not change it (docs/operations.md, "Rotate secrets").

const crypto = require('crypto');

const replicaSet = process.env.MONGO_REPLICA_SET || 'rs0';
const memberHost = process.env.MONGO_MEMBER_HOST || 'mongodb:27017';
const rootUser = process.env.MONGO_ROOT_USERNAME;
const rootPassword = process.env.MONGO_ROOT_PASSWORD;
const serviceUsers = (process.env.MONGO_SERVICE_USERS || '').split(',')
	.map((entry) => entry.trim())
	.filter((entry) => entry.length > 0)
	.map((entry) => {
		const [user, database] = entry.split(':');
		const variable = user.toUpperCase().replace(/-/g, '_') + '_PASSWORD';
		return { user, database, variable, password: process.env[variable] };
	});

if (!rootUser || !rootPassword || serviceUsers.length === 0) {
	print('MONGO_ROOT_USERNAME, MONGO_ROOT_PASSWORD and MONGO_SERVICE_USERS must be set');
	quit(2);
}
for (const service of serviceUsers) {
	if (!service.database || !service.password || !/^[A-Za-z0-9]+$/.test(service.password)) {
		print(service.user + ': MONGO_SERVICE_USERS names "user:database", and ' + service.variable
			+ ' must be set (letters and digits only)');
		quit(2);
	}
}

const admin = db.getSiblingDB('admin');

function signedIn() {
	try {
		const result = admin.auth(rootUser, rootPassword);
		return result !== undefined && result.ok === 1;
	}
	catch (e) {
		return false;
	}
}

function fingerprint(salt, password) {
	return crypto.createHash('sha256').update(salt + ':' + password).digest('hex');
}

function sameRoles(held, wanted) {
	const key = (role) => role.role + '@' + role.db;
	const a = (held || []).map(key).sort();
	const b = wanted.map(key).sort();
	return a.length === b.length && a.every((role, i) => role === b[i]);
}

if (!signedIn()) {
	// no root user yet: the localhost exception allows exactly the first steps
	const hello = admin.runCommand({ hello: 1 });
	if (!hello.setName) {
		try {
			rs.initiate({ _id: replicaSet, members: [{ _id: 0, host: memberHost }] });
			print('replica set ' + replicaSet + ' initiated');
		}
		catch (e) {
			if (e.codeName !== 'AlreadyInitialized') {
				throw e;
			}
		}
		quit(1);
	}
	if (!hello.isWritablePrimary) {
		quit(1); // still electing itself
	}
	admin.createUser({ user: rootUser, pwd: rootPassword, roles: [{ role: 'root', db: 'admin' }] });
	print('root user created');
	admin.auth(rootUser, rootPassword);
}

if (!admin.runCommand({ hello: 1 }).isWritablePrimary) {
	quit(1);
}
for (const service of serviceUsers) {
	const roles = [{ role: 'readWrite', db: service.database }];
	const existing = admin.getUser(service.user, { showCustomData: true });
	const known = existing && existing.customData ? existing.customData : {};
	if (existing === null) {
		const salt = crypto.randomBytes(16).toString('hex');
		admin.createUser({
			user: service.user,
			pwd: service.password,
			roles,
			customData: { passwordSalt: salt, passwordFingerprint: fingerprint(salt, service.password) },
		});
		print('user ' + service.user + ' created (readWrite on ' + service.database + ')');
		continue;
	}
	const update = {};
	if (!known.passwordSalt || known.passwordFingerprint !== fingerprint(known.passwordSalt, service.password)) {
		const salt = crypto.randomBytes(16).toString('hex');
		update.pwd = service.password;
		update.customData = { passwordSalt: salt, passwordFingerprint: fingerprint(salt, service.password) };
	}
	if (!sameRoles(existing.roles, roles)) {
		update.roles = roles;
	}
	if (Object.keys(update).length > 0) {
		admin.updateUser(service.user, update);
		print('user ' + service.user + ' updated: ' + Object.keys(update).filter((k) => k !== 'customData').join(', '));
	}
}
quit(0);
