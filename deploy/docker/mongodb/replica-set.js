// Run by healthcheck.sh inside the MongoDB container, every few seconds; exits 0 when healthy.
//
// 1. With no users yet (first start), MongoDB's localhost exception lets this script initiate
//    the replica set and, once this node is primary, create the root user.
// 2. As root: create the application user (read/write on the services' databases only).
// 3. Healthy when this node is the writable primary.
//
// Users and passwords come from the environment (.env): MONGO_ROOT_USERNAME/PASSWORD and
// MONGO_APP_USERNAME/PASSWORD. Changing them in .env later does not change the users: see
// docs/operations.md, "Rotate secrets".

const replicaSet = process.env.MONGO_REPLICA_SET || 'rs0';
const memberHost = process.env.MONGO_MEMBER_HOST || 'mongodb:27017';
const rootUser = process.env.MONGO_ROOT_USERNAME;
const rootPassword = process.env.MONGO_ROOT_PASSWORD;
const appUser = process.env.MONGO_APP_USERNAME;
const appPassword = process.env.MONGO_APP_PASSWORD;
const appDatabases = (process.env.MONGO_APP_DATABASES || 'participants,matching,sessions,notifications').split(',');

if (!rootUser || !rootPassword || !appUser || !appPassword) {
	print('MONGO_ROOT_USERNAME, MONGO_ROOT_PASSWORD, MONGO_APP_USERNAME and MONGO_APP_PASSWORD must be set');
	quit(2);
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
if (admin.getUser(appUser) === null) {
	admin.createUser({
		user: appUser,
		pwd: appPassword,
		roles: appDatabases.map((name) => ({ role: 'readWrite', db: name.trim() })),
	});
	print('application user created');
}
quit(0);
