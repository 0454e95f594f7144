import { Module } from '@nestjs/common';
import { SearchController } from './search.controller';
import { SearchProjector } from './search.projector';
import { SearchQueries } from './search.queries';

/** Search by reference, name, pseudonym or external reference, over a keyed index that erasure empties. */
@Module({
  controllers: [SearchController],
  providers: [SearchProjector, SearchQueries],
})
export class SearchModule {}
