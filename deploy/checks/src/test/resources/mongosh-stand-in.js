// Runs a mongosh script (deploy/docker/mongodb/replica-set.js) once, as mongosh --file would, against a
// stand-in for one mongod whose state is read from and written back to a JSON file:
//
//   node mongosh-stand-in.js <script> <state.json>      (the script's environment is this process's)
//
// Prints {"exit": <code>, "printed": [...], "error": <message>} and saves the state. The stand-in keeps
// MongoDB's rules that matter here: rs.initiate once; users only on the primary; the localhost
// exception allows creating the first user without signing in, and nothing else; every other user
// operation needs a signed-in root. After rs.initiate the node becomes primary by the next run.
const fs = require('fs');
const vm = require('vm');

const [script, stateFile] = process.argv.slice(2);
const state = fs.existsSync(stateFile)
	? JSON.parse(fs.readFileSync(stateFile, 'utf8'))
	: { setName: null, members: [], primary: false, electing: false, users: {} };
if (state.electing) {
	state.primary = true;
	state.electing = false;
}

const printed = [];
let signedIn = null;

class Quit extends Error {
	constructor(code) {
		super('quit(' + code + ')');
		this.code = code;
	}
}

function failure(message, codeName) {
	const error = new Error(message);
	error.codeName = codeName;
	return error;
}

function requireRoot() {
	const user = state.users[signedIn];
	if (!user || !user.roles.some((role) => role.role === 'root')) {
		throw failure('not authorized', 'Unauthorized');
	}
}

const admin = {
	auth(user, pwd) {
		const known = state.users[user];
		if (!known || known.pwd !== pwd) {
			throw failure('Authentication failed.', 'AuthenticationFailed');
		}
		signedIn = user;
		return { ok: 1 };
	},
	runCommand(command) {
		if (command.hello) {
			return { setName: state.setName || undefined, isWritablePrimary: state.primary };
		}
		throw failure('no such command', 'CommandNotFound');
	},
	createUser(spec) {
		if (!state.primary) {
			throw failure('not primary', 'NotWritablePrimary');
		}
		if (Object.keys(state.users).length > 0) {
			requireRoot();
		}
		if (state.users[spec.user]) {
			throw failure('User "' + spec.user + '@admin" already exists', 'Location51003');
		}
		state.users[spec.user] = { pwd: spec.pwd, roles: spec.roles, customData: spec.customData || {} };
	},
	getUser(name) {
		requireRoot();
		const user = state.users[name];
		return user ? { user: name, db: 'admin', roles: user.roles, customData: user.customData } : null;
	},
	updateUser(name, update) {
		requireRoot();
		const user = state.users[name];
		if (!user) {
			throw failure('User ' + name + '@admin not found', 'UserNotFound');
		}
		if (update.pwd !== undefined) user.pwd = update.pwd;
		if (update.roles !== undefined) user.roles = update.roles;
		if (update.customData !== undefined) user.customData = update.customData;
	},
};

const context = {
	db: { getSiblingDB: () => admin },
	rs: {
		initiate(config) {
			if (state.setName) {
				throw failure('already initialized', 'AlreadyInitialized');
			}
			state.setName = config._id;
			state.members = config.members;
			state.electing = true;
		},
	},
	print: (...values) => printed.push(values.join(' ')),
	quit: (code) => {
		throw new Quit(code === undefined ? 0 : code);
	},
	process: { env: process.env },
	require,
};

let exit = 0;
let error = null;
try {
	vm.runInNewContext(fs.readFileSync(script, 'utf8'), context, { filename: script });
}
catch (e) {
	if (e instanceof Quit) {
		exit = e.code;
	}
	else {
		exit = 1;
		error = e.message;
	}
}
fs.writeFileSync(stateFile, JSON.stringify(state, null, 2));
console.log(JSON.stringify({ exit, printed, error }));
