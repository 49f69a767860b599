import { describeFuzzShard } from "./fuzz-suite.ts";

describeFuzzShard({ shard: 3, shards: 4 });
